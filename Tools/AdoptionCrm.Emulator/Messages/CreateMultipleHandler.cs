using AdoptionCrm.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>CreateMultiple: one transaction for every Target; OutputParameters["Ids"]. (No typed request in SDK 9.0.)</summary>
internal sealed class CreateMultipleHandler : MessageHandler<OrganizationRequest>
{
    public CreateMultipleHandler(EmulatedOrganization org) : base(org, "CreateMultiple") { }

    protected override OrganizationResponse Handle(OrganizationRequest request, ExecutionScope scope) =>
        TargetWrite.Run(Org, scope, MessageName, TargetWrite.Targets(request), request);
}
