using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Service;
using AdoptionCrm.Emulator.Storage;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>Assign: Assign steps around the owner change; children follow where their relationship cascades Assign.</summary>
internal sealed class AssignHandler : MessageHandler<AssignRequest>
{
    public AssignHandler(EmulatedOrganization org) : base(org, "Assign") { }

    protected override OrganizationResponse Handle(AssignRequest request, ExecutionScope scope)
    {
        var target = Required(request.Target, "a Target of type EntityReference");
        var assignee = Required(request.Assignee, "an Assignee");
        var schema = Org.Catalog.Get(target.LogicalName);
        var before = Org.Store.Get(scope.Transaction, schema.LogicalName, target.Id);
        var previousOwner = before != null && schema.HasColumn("ownerid") && before.Values[schema.OrdinalOf("ownerid")] is StoredReference owner ? owner.Id : (Guid?)null;
        SystemWrite.Run(Org, scope, MessageName, target, request.Parameters, new Entity(target.LogicalName, target.Id) { ["ownerid"] = assignee },
            () => Org.Cascades.OnAssign(scope, target, assignee, previousOwner));
        return ResponseFactory.Create(MessageName);
    }
}
