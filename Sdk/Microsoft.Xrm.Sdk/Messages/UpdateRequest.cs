namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>Update: Target carries the id (or keys) and the changed columns; ConcurrencyBehavior opts into RowVersion checks.</summary>
    public sealed class UpdateRequest : OrganizationRequest
    {
        public UpdateRequest() { RequestName = "Update"; }

        public Entity Target
        {
            get { return Parameters.Contains("Target") ? (Entity)Parameters["Target"] : null; }
            set { Parameters["Target"] = value; }
        }

        public ConcurrencyBehavior ConcurrencyBehavior
        {
            get { return Parameters.Contains("ConcurrencyBehavior") ? (ConcurrencyBehavior)Parameters["ConcurrencyBehavior"] : ConcurrencyBehavior.Default; }
            set { Parameters["ConcurrencyBehavior"] = value; }
        }
    }

    public sealed class UpdateResponse : OrganizationResponse
    {
        public UpdateResponse() { ResponseName = "Update"; }
    }
}
