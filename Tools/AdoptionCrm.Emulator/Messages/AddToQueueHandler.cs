using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Query;
using AdoptionCrm.Emulator.Service;
using AdoptionCrm.Emulator.Storage;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>AddToQueue: an active queue item for Target moves to the destination queue, else a new one is created; QueueItemId.</summary>
internal sealed class AddToQueueHandler : MessageHandler<AddToQueueRequest>
{
    public AddToQueueHandler(EmulatedOrganization org) : base(org, "AddToQueue") { }

    protected override OrganizationResponse Handle(AddToQueueRequest request, ExecutionScope scope)
    {
        var target = Required(request.Target, "a Target of type EntityReference");
        var queueId = request.DestinationQueueId != Guid.Empty ? request.DestinationQueueId
            : throw Faults.Create(ErrorCodes.InvalidArgument, "AddToQueue needs a DestinationQueueId.");
        RequireRow(scope, target);
        RequireRow(scope, new EntityReference("queue", queueId));
        var op = new PipelineOperation("AddToQueue", target.LogicalName, request.Parameters) { PrimaryId = target.Id };
        Org.Runner.Run(scope, op, () =>
        {
            var query = new QueryExpression("queueitem") { ColumnSet = new ColumnSet("queueid"), TopCount = 1 };
            query.Criteria.AddCondition("objectid", ConditionOperator.Equal, target.Id);
            query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
            var existing = new QueryEngine(new TransactionDataSource(Org, scope.Transaction)).RetrieveMultiple(query,
                new QueryContext(scope.UserId, Org.Clock.UtcNow)).Entities.FirstOrDefault();
            var queue = new EntityReference("queue", queueId);
            if (existing != null)
            {
                Dispatch(new UpdateRequest { Target = new Entity("queueitem", existing.Id) { ["queueid"] = queue } }, scope);
                op.Output["QueueItemId"] = existing.Id;
                return;
            }
            var item = new Entity("queueitem") { ["queueid"] = queue, ["objectid"] = target };
            op.Output["QueueItemId"] = (Guid)Dispatch(new CreateRequest { Target = item }, scope).Results["id"];
        });
        return ResponseFactory.Create("AddToQueue", ("QueueItemId", op.Output["QueueItemId"]));
    }
}
