using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Service;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>Assign: Assign steps around the owner change.</summary>
internal sealed class AssignHandler : MessageHandler<AssignRequest>
{
    public AssignHandler(EmulatedOrganization org) : base(org, "Assign") { }

    protected override OrganizationResponse Handle(AssignRequest request, ExecutionScope scope)
    {
        var target = Required(request.Target, "a Target of type EntityReference");
        var assignee = Required(request.Assignee, "an Assignee");
        SystemWrite.Run(Org, scope, MessageName, target, request.Parameters, new Entity(target.LogicalName, target.Id) { ["ownerid"] = assignee });
        return ResponseFactory.Create(MessageName);
    }
}
