using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Service;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>Delete: pre-image only (no post-image on Delete); RowVersion checks on request; relationship cascades in the main operation.</summary>
internal sealed class DeleteHandler : MessageHandler<DeleteRequest>
{
    public DeleteHandler(EmulatedOrganization org) : base(org, "Delete") { }

    protected override OrganizationResponse Handle(DeleteRequest request, ExecutionScope scope)
    {
        var target = Required(request.Target, "a Target of type EntityReference");
        var schema = Org.Catalog.Get(target.LogicalName);
        var op = new PipelineOperation("Delete", schema.LogicalName, request.Parameters) { PrimaryId = target.Id };
        op.PreRows[target.Id] = Org.Store.Get(scope.Transaction, schema.LogicalName, target.Id);
        Org.Runner.Run(scope, op, () =>
        {
            Writer.LockAndGet(scope, schema, target.Id != Guid.Empty ? target.Id : Writer.ResolveId(scope, schema, new Entity(target.LogicalName) { KeyAttributes = target.KeyAttributes }));
            Org.Cascades.OnDelete(scope, target);
            Writer.Delete(scope, schema, target, Concurrency(request));
        });
        return ResponseFactory.Create("Delete");
    }
}
