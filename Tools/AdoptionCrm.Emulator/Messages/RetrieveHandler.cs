using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Query;
using AdoptionCrm.Emulator.Service;
using AdoptionCrm.Emulator.Storage;
using AdoptionCrm.Emulator.Validation;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>Retrieve by id or alternate key, with formatted values; OutputParameters["Entity"].</summary>
internal sealed class RetrieveHandler : MessageHandler<RetrieveRequest>
{
    public RetrieveHandler(EmulatedOrganization org) : base(org, "Retrieve") { }

    protected override OrganizationResponse Handle(RetrieveRequest request, ExecutionScope scope)
    {
        var target = Required(request.Target, "a Target of type EntityReference");
        var schema = Org.Catalog.Get(target.LogicalName);
        var columns = RowMaterializer.Columns(schema, request.ColumnSet);
        var id = target.Id != Guid.Empty || target.KeyAttributes.Count == 0 ? target.Id : KeyResolver.Resolve(Org.Store, scope.Transaction, schema, target.KeyAttributes);
        var op = new PipelineOperation("Retrieve", schema.LogicalName, request.Parameters) { PrimaryId = id };
        Org.Runner.Run(scope, op, () =>
        {
            var row = Org.Store.Get(scope.Transaction, schema.LogicalName, id) ?? throw RowWriter.NotFound(schema.LogicalName, id);
            RowsExaminedTally.Add(1); // a primary-key seek reads the one row it returns
            op.Output["Entity"] = RowMaterializer.ToEntity(Org.Store, scope.Transaction, schema, row, columns, withFormatting: true);
        });
        return ResponseFactory.Create("Retrieve", ("Entity", op.Output["Entity"]));
    }
}
