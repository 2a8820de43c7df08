using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Service;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>
/// A message that changes columns of one row the caller cannot set through it directly (Assign's
/// owner, SetState's state): the message's own steps around a system write of the row, with pre- and
/// post-images of that row.
/// </summary>
internal static class SystemWrite
{
    public static void Run(EmulatedOrganization org, ExecutionScope scope, string message, EntityReference target, ParameterCollection input, Entity change, Action? afterWrite = null)
    {
        var schema = org.Catalog.Get(target.LogicalName);
        var op = new PipelineOperation(message, schema.LogicalName, input) { PrimaryId = target.Id };
        op.PreRows[target.Id] = org.Store.Get(scope.Transaction, schema.LogicalName, target.Id);
        op.PostRows[target.Id] = null;
        org.Runner.Run(scope, op, () =>
        {
            org.Writer.Update(scope, schema, change, ConcurrencyBehavior.Default, systemWrite: true);
            afterWrite?.Invoke();
        });
    }
}
