using System;

namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>Create: Parameters["Target"] is the new row; the response's Results["id"] its id.</summary>
    public sealed class CreateRequest : OrganizationRequest
    {
        public CreateRequest() { RequestName = "Create"; }

        public Entity Target
        {
            get { return Parameters.Contains("Target") ? (Entity)Parameters["Target"] : null; }
            set { Parameters["Target"] = value; }
        }
    }

    public sealed class CreateResponse : OrganizationResponse
    {
        public CreateResponse() { ResponseName = "Create"; }

        // Lower-case "id" is the official property and result name.
        public Guid id { get { return Results.Contains("id") ? (Guid)Results["id"] : Guid.Empty; } }
    }
}
