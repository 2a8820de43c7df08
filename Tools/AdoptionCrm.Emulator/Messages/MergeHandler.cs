using AdoptionCrm.Emulator.Lifecycle;
using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Service;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>
/// Merge of accounts, contacts or leads (PAD:merge-entities; MergeRequest): inside Merge's steps (on the
/// Target's table, pre-image of the master), UpdateContent is written to the master through Update, the
/// subordinate's children move to the master where their relationship cascades Merge, and the subordinate
/// is deactivated with its masterid set to the master (account and lead references: masterid, "the master record
/// for merge"). PerformParentingChecks refuses two rows with different parents. Chosen where the docs are
/// silent: a merged lead becomes Disqualified / Canceled (7), an account or contact Inactive; the
/// deactivation fires LifecycleOptions.InternalStateChangeFires.
/// </summary>
internal sealed class MergeHandler : MessageHandler<MergeRequest>
{
    private static readonly Dictionary<string, (string Parent, int State, int Status)> Mergeable = new()
    {
        ["account"] = ("parentaccountid", 1, 2),
        ["contact"] = ("parentcustomerid", 1, 2),
        ["lead"] = ("parentaccountid", 2, 7),
    };

    public MergeHandler(EmulatedOrganization org) : base(org, "Merge") { }

    protected override OrganizationResponse Handle(MergeRequest request, ExecutionScope scope)
    {
        var master = Required(request.Target, "a Target");
        if (!Mergeable.TryGetValue(master.LogicalName, out var rules))
            throw Faults.Create(ErrorCodes.InvalidArgument, $"Merge is not supported for {master.LogicalName}: only account, contact and lead.");
        if (request.SubordinateId == Guid.Empty || request.SubordinateId == master.Id)
            throw Faults.Create(ErrorCodes.InvalidArgument, "Merge needs a SubordinateId other than the Target.");
        var subordinate = new EntityReference(master.LogicalName, request.SubordinateId);
        RequireRow(scope, master);
        RequireRow(scope, subordinate);
        var op = new PipelineOperation(MessageName, master.LogicalName, request.Parameters) { PrimaryId = master.Id };
        op.PreRows[master.Id] = Org.Store.Get(scope.Transaction, master.LogicalName, master.Id);
        op.PostRows[master.Id] = null;
        Org.Runner.Run(scope, op, () =>
        {
            var columns = new ColumnSet(rules.Parent, "statecode");
            var masterRow = (Entity)Dispatch(new RetrieveRequest { Target = master, ColumnSet = columns }, scope).Results["Entity"];
            var subordinateRow = (Entity)Dispatch(new RetrieveRequest { Target = subordinate, ColumnSet = columns }, scope).Results["Entity"];
            if (request.PerformParentingChecks
                && masterRow.GetAttributeValue<EntityReference>(rules.Parent)?.Id != subordinateRow.GetAttributeValue<EntityReference>(rules.Parent)?.Id)
                throw Faults.Create(ErrorCodes.InvalidArgument, "The records have different parents; merge them with PerformParentingChecks false to merge anyway.");
            if (request.UpdateContent is { Attributes.Count: > 0 } content)
            {
                var update = new Entity(master.LogicalName, master.Id);
                foreach (var (key, value) in content.Attributes) update[key] = value;
                Dispatch(new UpdateRequest { Target = update }, scope);
            }
            Org.Cascades.OnMerge(scope, master.LogicalName, master.Id, subordinate.Id);
            var schema = Org.Catalog.Get(master.LogicalName);
            if (schema.HasColumn("masterid"))
                Org.Writer.Update(scope, schema, new Entity(master.LogicalName, subordinate.Id) { ["masterid"] = master }, ConcurrencyBehavior.Default, systemWrite: true);
            StateChange.Run(Org, scope, subordinate, new OptionSetValue(rules.State), new OptionSetValue(rules.Status), Org.Lifecycle.InternalStateChangeFires);
        });
        return ResponseFactory.Create(MessageName);
    }
}
