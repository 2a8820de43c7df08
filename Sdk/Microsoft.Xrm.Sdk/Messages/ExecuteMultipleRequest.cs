namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>ExecuteMultiple: a batch of independent requests (no shared transaction), run per Settings.</summary>
    public sealed class ExecuteMultipleRequest : OrganizationRequest
    {
        public ExecuteMultipleRequest() { RequestName = "ExecuteMultiple"; }

        public OrganizationRequestCollection Requests
        {
            get { return Parameters.Contains("Requests") ? (OrganizationRequestCollection)Parameters["Requests"] : null; }
            set { Parameters["Requests"] = value; }
        }

        public ExecuteMultipleSettings Settings
        {
            get { return Parameters.Contains("Settings") ? (ExecuteMultipleSettings)Parameters["Settings"] : null; }
            set { Parameters["Settings"] = value; }
        }
    }

    public sealed class ExecuteMultipleResponse : OrganizationResponse
    {
        public ExecuteMultipleResponse() { ResponseName = "ExecuteMultiple"; }

        public ExecuteMultipleResponseItemCollection Responses
        {
            get { return Results.Contains("Responses") ? (ExecuteMultipleResponseItemCollection)Results["Responses"] : null; }
        }

        public bool IsFaulted { get { return Results.Contains("IsFaulted") && (bool)Results["IsFaulted"]; } }
    }
}
