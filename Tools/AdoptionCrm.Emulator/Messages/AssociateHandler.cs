using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Service;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>Associate: N:N intersect links by relationship name (steps on Associate, any table).</summary>
internal sealed class AssociateHandler : MessageHandler<AssociateRequest>
{
    public AssociateHandler(EmulatedOrganization org) : base(org, "Associate") { }

    protected override OrganizationResponse Handle(AssociateRequest request, ExecutionScope scope)
    {
        IntersectWrite.Run(Org, scope, request, Required(request.Target, "a Target"), Required(request.Relationship, "a Relationship"),
            Required(request.RelatedEntities, "RelatedEntities"), add: true);
        return ResponseFactory.Create(MessageName);
    }
}
