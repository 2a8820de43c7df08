using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Service;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>WhoAmI: the caller's user, business unit and organization (no pipeline).</summary>
internal sealed class WhoAmIHandler : MessageHandler<WhoAmIRequest>
{
    public WhoAmIHandler(EmulatedOrganization org) : base(org, "WhoAmI") { }

    protected override OrganizationResponse Handle(WhoAmIRequest request, ExecutionScope scope) =>
        ResponseFactory.Create("WhoAmI", ("UserId", scope.UserId), ("BusinessUnitId", Org.BusinessUnitOf(scope.UserId)), ("OrganizationId", Org.OrganizationId));
}
