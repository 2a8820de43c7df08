using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Service;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>
/// The pipeline run shared by Create, Update and their *Multiple forms: one operation whose Items
/// are the very Target entities every step sees (so stage 10/20 edits are what the main operation
/// saves), with the paired message's steps cross-firing.
/// </summary>
internal static class TargetWrite
{
    public static OrganizationResponse Run(EmulatedOrganization org, ExecutionScope scope, string message, List<Entity> items, OrganizationRequest request,
        bool preValidation = true, bool systemWrite = false)
    {
        var isCreate = message.StartsWith("Create", StringComparison.Ordinal);
        var table = items.Count == 0 ? throw Faults.Create(ErrorCodes.InvalidArgument, "Targets is empty.") : items[0].LogicalName;
        var schema = org.Catalog.Get(table);
        if (items.Any(i => i.LogicalName != table)) throw Faults.Create(ErrorCodes.InvalidArgument, "All Targets must be of the same table.");
        var single = !message.EndsWith("Multiple", StringComparison.Ordinal);
        var input = new ParameterCollection();
        foreach (var (key, value) in request.Parameters) input[key] = value;
        if (single) input["Target"] = items[0]; else input["Targets"] = new EntityCollection(items) { EntityName = table };
        var op = new PipelineOperation(message, table, input)
        {
            Items = items,
            PairedMessage = single ? message + "Multiple" : message.Replace("Multiple", "", StringComparison.Ordinal),
        };
        var concurrency = request.Parameters.TryGetValue("ConcurrencyBehavior", out var c) && c is ConcurrencyBehavior cb ? cb : ConcurrencyBehavior.Default;
        if (!isCreate)
            foreach (var item in items)
            {
                var id = org.Writer.ResolveId(scope, schema, item);
                item.Id = id;
                op.PreRows[id] = org.Store.Get(scope.Transaction, table, id);
            }
        if (single) op.PrimaryId = items[0].Id;
        org.Runner.Run(scope, op, () =>
        {
            if (single) items[0] = (Entity)input["Target"];
            foreach (var item in items)
            {
                if (isCreate) org.Writer.Create(scope, schema, item); else org.Writer.Update(scope, schema, item, concurrency, systemWrite);
                op.PostRows[item.Id] = null;
            }
            if (single) op.PrimaryId = items[0].Id;
            if (message == "Create") op.Output["id"] = items[0].Id;
            if (message == "CreateMultiple") op.Output["Ids"] = items.Select(i => i.Id).ToArray();
        }, preValidation);
        return ResponseFactory.Create(message, op.Output.Select(p => (p.Key, (object?)p.Value)).ToArray());
    }

    /// <summary>Stage 10 of an Update for the whole Target (whose stage-10 edits the caller then splits).</summary>
    public static void PreValidateUpdate(EmulatedOrganization org, ExecutionScope scope, Entity target, OrganizationRequest request)
    {
        var schema = org.Catalog.Get(target.LogicalName);
        var input = new ParameterCollection();
        foreach (var (key, value) in request.Parameters) input[key] = value;
        input["Target"] = target;
        target.Id = org.Writer.ResolveId(scope, schema, target);
        var op = new PipelineOperation("Update", schema.LogicalName, input) { Items = new List<Entity> { target }, PairedMessage = "UpdateMultiple", PrimaryId = target.Id };
        op.PreRows[target.Id] = org.Store.Get(scope.Transaction, schema.LogicalName, target.Id);
        org.Runner.RunPreValidation(scope, op);
    }

    public static List<Entity> Targets(OrganizationRequest request) =>
        request.Parameters.TryGetValue("Targets", out var targets) && targets is EntityCollection collection ? collection.Entities.ToList()
        : throw Faults.Create(ErrorCodes.InvalidArgument, $"{request.RequestName} needs Targets (an EntityCollection).");
}
