using AdoptionCrm.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>Create: steps of Create and CreateMultiple around the insert; OutputParameters["id"].</summary>
internal sealed class CreateHandler : MessageHandler<CreateRequest>
{
    public CreateHandler(EmulatedOrganization org) : base(org, "Create") { }

    protected override OrganizationResponse Handle(CreateRequest request, ExecutionScope scope) =>
        TargetWrite.Run(Org, scope, MessageName, new List<Entity> { Required(request.Target, "a Target of type Entity") }, request);
}
