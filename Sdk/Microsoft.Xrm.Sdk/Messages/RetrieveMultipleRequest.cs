using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>RetrieveMultiple: Query (QueryExpression, QueryByAttribute or FetchExpression); Results["EntityCollection"].</summary>
    public sealed class RetrieveMultipleRequest : OrganizationRequest
    {
        public RetrieveMultipleRequest() { RequestName = "RetrieveMultiple"; }

        public QueryBase Query
        {
            get { return Parameters.Contains("Query") ? (QueryBase)Parameters["Query"] : null; }
            set { Parameters["Query"] = value; }
        }
    }

    public sealed class RetrieveMultipleResponse : OrganizationResponse
    {
        public RetrieveMultipleResponse() { ResponseName = "RetrieveMultiple"; }

        public EntityCollection EntityCollection
        {
            get { return Results.Contains("EntityCollection") ? (EntityCollection)Results["EntityCollection"] : null; }
        }
    }
}
