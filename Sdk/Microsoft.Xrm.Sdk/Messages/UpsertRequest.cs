namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>Upsert: Target found by id or alternate keys is updated, otherwise created.</summary>
    public sealed class UpsertRequest : OrganizationRequest
    {
        public UpsertRequest() { RequestName = "Upsert"; }

        public Entity Target
        {
            get { return Parameters.Contains("Target") ? (Entity)Parameters["Target"] : null; }
            set { Parameters["Target"] = value; }
        }
    }

    public sealed class UpsertResponse : OrganizationResponse
    {
        public UpsertResponse() { ResponseName = "Upsert"; }

        public bool RecordCreated { get { return Results.Contains("RecordCreated") && (bool)Results["RecordCreated"]; } }

        public EntityReference Target
        {
            get { return Results.Contains("Target") ? (EntityReference)Results["Target"] : null; }
        }
    }
}
