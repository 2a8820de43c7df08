namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>ExecuteTransaction: requests that commit or roll back together.</summary>
    public sealed class ExecuteTransactionRequest : OrganizationRequest
    {
        public ExecuteTransactionRequest() { RequestName = "ExecuteTransaction"; }

        public OrganizationRequestCollection Requests
        {
            get { return Parameters.Contains("Requests") ? (OrganizationRequestCollection)Parameters["Requests"] : null; }
            set { Parameters["Requests"] = value; }
        }

        public bool? ReturnResponses
        {
            get { return Parameters.Contains("ReturnResponses") ? (bool?)Parameters["ReturnResponses"] : null; }
            set { Parameters["ReturnResponses"] = value; }
        }
    }

    public sealed class ExecuteTransactionResponse : OrganizationResponse
    {
        public ExecuteTransactionResponse() { ResponseName = "ExecuteTransaction"; }

        public OrganizationResponseCollection Responses
        {
            get { return Results.Contains("Responses") ? (OrganizationResponseCollection)Results["Responses"] : null; }
        }
    }
}
