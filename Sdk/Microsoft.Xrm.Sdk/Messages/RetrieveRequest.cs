using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>Retrieve: Target row and ColumnSet; the response's Results["Entity"] is the row.</summary>
    public sealed class RetrieveRequest : OrganizationRequest
    {
        public RetrieveRequest() { RequestName = "Retrieve"; }

        public EntityReference Target
        {
            get { return Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : null; }
            set { Parameters["Target"] = value; }
        }

        public ColumnSet ColumnSet
        {
            get { return Parameters.Contains("ColumnSet") ? (ColumnSet)Parameters["ColumnSet"] : null; }
            set { Parameters["ColumnSet"] = value; }
        }
    }

    public sealed class RetrieveResponse : OrganizationResponse
    {
        public RetrieveResponse() { ResponseName = "Retrieve"; }

        public Entity Entity { get { return Results.Contains("Entity") ? (Entity)Results["Entity"] : null; } }
    }
}
