using AdoptionCrm.Emulator.Messages;
using AdoptionCrm.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace AdoptionCrm.Emulator.Lifecycle;

/// <summary>
/// A row's state change with the steps <paramref name="fires"/> names: SetState and SetStateDynamicEntity
/// steps (EntityMoniker, State, Status) around the write; with Update, the write is itself an Update
/// pipeline whose Target holds statecode (and statuscode), at the same depth.
/// </summary>
internal static class StateChange
{
    public static void Run(EmulatedOrganization org, ExecutionScope scope, EntityReference target, OptionSetValue state, OptionSetValue? status,
        StateChangeSteps fires, bool preValidation = true)
    {
        var schema = org.Catalog.Get(target.LogicalName);
        var change = new Entity(schema.LogicalName, target.Id) { ["statecode"] = state };
        if (status is { Value: not -1 }) change["statuscode"] = status;
        Action write = fires.HasFlag(StateChangeSteps.Update)
            ? () => TargetWrite.Run(org, scope, "Update", new List<Entity> { change }, new UpdateRequest { Target = change }, preValidation, systemWrite: true)
            : () => org.Writer.Update(scope, schema, change, ConcurrencyBehavior.Default, systemWrite: true);
        var messages = new[] { (StateChangeSteps.SetState, "SetState"), (StateChangeSteps.SetStateDynamicEntity, "SetStateDynamicEntity") }
            .Where(m => fires.HasFlag(m.Item1)).Select(m => m.Item2).ToList();
        if (messages.Count == 0)
        {
            write();
            return;
        }
        var input = new ParameterCollection { ["EntityMoniker"] = target, ["State"] = state, ["Status"] = status ?? new OptionSetValue(-1) };
        var op = new PipelineOperation(messages[0], schema.LogicalName, input) { PrimaryId = target.Id, PairedMessage = messages.Count > 1 ? messages[1] : null };
        op.PreRows[target.Id] = org.Store.Get(scope.Transaction, schema.LogicalName, target.Id);
        op.PostRows[target.Id] = null;
        org.Runner.Run(scope, op, write, preValidation);
    }
}
