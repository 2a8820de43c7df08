using AdoptionCrm.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>Update: steps of Update and UpdateMultiple around the write; RowVersion checks on request.</summary>
internal sealed class UpdateHandler : MessageHandler<UpdateRequest>
{
    public UpdateHandler(EmulatedOrganization org) : base(org, "Update") { }

    protected override OrganizationResponse Handle(UpdateRequest request, ExecutionScope scope) =>
        TargetWrite.Run(Org, scope, MessageName, new List<Entity> { Required(request.Target, "a Target of type Entity") }, request);
}
