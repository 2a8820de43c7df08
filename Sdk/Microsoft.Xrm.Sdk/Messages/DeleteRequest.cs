namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>Delete: Target row; ConcurrencyBehavior IfRowVersionMatches needs Target.RowVersion.</summary>
    public sealed class DeleteRequest : OrganizationRequest
    {
        public DeleteRequest() { RequestName = "Delete"; }

        public EntityReference Target
        {
            get { return Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : null; }
            set { Parameters["Target"] = value; }
        }

        public ConcurrencyBehavior ConcurrencyBehavior
        {
            get { return Parameters.Contains("ConcurrencyBehavior") ? (ConcurrencyBehavior)Parameters["ConcurrencyBehavior"] : ConcurrencyBehavior.Default; }
            set { Parameters["ConcurrencyBehavior"] = value; }
        }
    }

    public sealed class DeleteResponse : OrganizationResponse
    {
        public DeleteResponse() { ResponseName = "Delete"; }
    }
}
