using System;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>WhoAmI: the calling user, its business unit and the organization.</summary>
    public sealed class WhoAmIRequest : OrganizationRequest
    {
        public WhoAmIRequest() { RequestName = "WhoAmI"; }
    }

    /// <summary>Read-only like the official type: the service fills Results, callers read them.</summary>
    public sealed class WhoAmIResponse : OrganizationResponse
    {
        public WhoAmIResponse() { ResponseName = "WhoAmI"; }

        public Guid UserId { get { return Results.Contains("UserId") ? (Guid)Results["UserId"] : Guid.Empty; } }
        public Guid BusinessUnitId { get { return Results.Contains("BusinessUnitId") ? (Guid)Results["BusinessUnitId"] : Guid.Empty; } }
        public Guid OrganizationId { get { return Results.Contains("OrganizationId") ? (Guid)Results["OrganizationId"] : Guid.Empty; } }
    }
}
