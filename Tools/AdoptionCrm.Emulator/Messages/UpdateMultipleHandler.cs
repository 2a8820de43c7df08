using AdoptionCrm.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>UpdateMultiple: one transaction for every Target. (No typed request in SDK 9.0.)</summary>
internal sealed class UpdateMultipleHandler : MessageHandler<OrganizationRequest>
{
    public UpdateMultipleHandler(EmulatedOrganization org) : base(org, "UpdateMultiple") { }

    protected override OrganizationResponse Handle(OrganizationRequest request, ExecutionScope scope) =>
        TargetWrite.Run(Org, scope, MessageName, TargetWrite.Targets(request), request);
}
