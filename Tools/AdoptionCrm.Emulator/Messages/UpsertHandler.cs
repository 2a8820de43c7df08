using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Service;
using AdoptionCrm.Emulator.Validation;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>
/// Upsert: by id, else by alternate key; found → Update without the key columns, not found → Create
/// with them (so Create or Update steps fire inside Upsert's own). PAD:use-upsert-insert-update-record.
/// </summary>
internal sealed class UpsertHandler : MessageHandler<UpsertRequest>
{
    public UpsertHandler(EmulatedOrganization org) : base(org, "Upsert") { }

    protected override OrganizationResponse Handle(UpsertRequest request, ExecutionScope scope)
    {
        var target = Required(request.Target, "a Target of type Entity");
        var schema = Org.Catalog.Get(target.LogicalName);
        Guid? existing = null;
        if (target.Id != Guid.Empty) existing = Org.Store.Get(scope.Transaction, schema.LogicalName, target.Id) != null ? target.Id : null;
        else if (target.KeyAttributes.Count > 0) existing = KeyResolver.TryResolve(Org.Store, scope.Transaction, schema, target.KeyAttributes);
        var op = new PipelineOperation("Upsert", schema.LogicalName, request.Parameters) { PrimaryId = existing ?? target.Id };
        var created = false;
        Org.Runner.Run(scope, op, () =>
        {
            if (existing is Guid id)
            {
                foreach (var key in target.KeyAttributes.Keys) target.Attributes.Remove(key);
                target.Id = id;
                Dispatch(new UpdateRequest { Target = target, ConcurrencyBehavior = Concurrency(request) }, scope);
            }
            else
            {
                foreach (var (key, value) in target.KeyAttributes) if (!target.Contains(key)) target[key] = value;
                target.KeyAttributes = new KeyAttributeCollection();
                target.Id = (Guid)Dispatch(new CreateRequest { Target = target }, scope).Results["id"];
                created = true;
            }
            op.Output["RecordCreated"] = created;
            op.Output["Target"] = new EntityReference(schema.LogicalName, target.Id);
        });
        return ResponseFactory.Create("Upsert", ("RecordCreated", op.Output["RecordCreated"]), ("Target", op.Output["Target"]));
    }
}
