using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Service;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>Disassociate: removes N:N intersect links by relationship name.</summary>
internal sealed class DisassociateHandler : MessageHandler<DisassociateRequest>
{
    public DisassociateHandler(EmulatedOrganization org) : base(org, "Disassociate") { }

    protected override OrganizationResponse Handle(DisassociateRequest request, ExecutionScope scope)
    {
        IntersectWrite.Run(Org, scope, request, Required(request.Target, "a Target"), Required(request.Relationship, "a Relationship"),
            Required(request.RelatedEntities, "RelatedEntities"), add: false);
        return ResponseFactory.Create(MessageName);
    }
}
