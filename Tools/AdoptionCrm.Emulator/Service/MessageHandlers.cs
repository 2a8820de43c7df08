using System.Reflection;
using System.ServiceModel;
using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Query;
using AdoptionCrm.Emulator.Storage;
using AdoptionCrm.Emulator.Validation;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Service;

/// <summary>
/// The emulated messages, dispatched on RequestName and Parameters (how the typed request classes
/// store their data, so plain OrganizationRequests and typed wrappers both work). Anything else
/// fails with one clear "not emulated" fault.
/// </summary>
internal sealed class MessageHandlers
{
    public const int MaxBatchSize = 1000;
    private readonly EmulatedOrganization _org;
    private readonly RequestProcessor _processor;
    private readonly RowWriter _writer;

    public MessageHandlers(EmulatedOrganization org, RequestProcessor processor)
    {
        _org = org;
        _processor = processor;
        _writer = new RowWriter(org);
    }

    public OrganizationResponse Dispatch(OrganizationRequest request, ExecutionScope scope) => request.RequestName switch
    {
        "Create" => CreateOrUpdate(scope, "Create", new List<Entity> { Target<Entity>(request) }, request),
        "CreateMultiple" => CreateOrUpdate(scope, "CreateMultiple", Targets(request), request),
        "Update" => CreateOrUpdate(scope, "Update", new List<Entity> { Target<Entity>(request) }, request),
        "UpdateMultiple" => CreateOrUpdate(scope, "UpdateMultiple", Targets(request), request),
        "Delete" => Delete(scope, request),
        "Retrieve" => Retrieve(scope, request),
        "RetrieveMultiple" => RetrieveMultiple(scope, request),
        "Upsert" => Upsert(scope, request),
        "Assign" => Assign(scope, request),
        "SetState" => SetState(scope, request),
        "Associate" or "Disassociate" => Associate(scope, request),
        "AddToQueue" => AddToQueue(scope, request),
        "WhoAmI" => ResponseFactory.Create("WhoAmI", ("UserId", scope.UserId), ("BusinessUnitId", _org.BusinessUnitOf(scope.UserId)), ("OrganizationId", _org.OrganizationId)),
        "ExecuteTransaction" => ExecuteTransaction(scope, request),
        "ExecuteMultiple" => ExecuteMultiple(request, item => Dispatch(item, scope)),
        _ => throw Faults.Create(ErrorCodes.NotEmulated, $"not emulated: {request.RequestName}"),
    };

    private OrganizationResponse CreateOrUpdate(ExecutionScope scope, string message, List<Entity> items, OrganizationRequest request)
    {
        var isCreate = message.StartsWith("Create", StringComparison.Ordinal);
        var table = items.Count == 0 ? throw Faults.Create(ErrorCodes.InvalidArgument, "Targets is empty.") : items[0].LogicalName;
        var schema = _org.Catalog.Get(table);
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
                var id = _writer.ResolveId(scope, schema, item);
                item.Id = id;
                op.PreRows[id] = _org.Store.Get(scope.Transaction, table, id);
            }
        if (single) op.PrimaryId = items[0].Id;
        _org.Runner.Run(scope, op, () =>
        {
            // Stage 10/20 edits to the Targets are in these same objects: the main operation saves them.
            if (single) items[0] = (Entity)input["Target"];
            foreach (var item in items)
            {
                if (isCreate) _writer.Create(scope, schema, item); else _writer.Update(scope, schema, item, concurrency);
                op.PostRows[item.Id] = null;
            }
            if (single) op.PrimaryId = items[0].Id;
            if (message == "Create") op.Output["id"] = items[0].Id;
            if (message == "CreateMultiple") op.Output["Ids"] = items.Select(i => i.Id).ToArray();
        }, _ => true);
        return ResponseFactory.Create(message, op.Output.Select(p => (p.Key, (object?)p.Value)).ToArray());
    }

    private OrganizationResponse Delete(ExecutionScope scope, OrganizationRequest request)
    {
        var target = Target<EntityReference>(request);
        var schema = _org.Catalog.Get(target.LogicalName);
        var concurrency = request.Parameters.TryGetValue("ConcurrencyBehavior", out var c) && c is ConcurrencyBehavior cb ? cb : ConcurrencyBehavior.Default;
        var op = new PipelineOperation("Delete", schema.LogicalName, request.Parameters) { PrimaryId = target.Id };
        op.PreRows[target.Id] = _org.Store.Get(scope.Transaction, schema.LogicalName, target.Id);
        _org.Runner.Run(scope, op, () => _writer.Delete(scope, schema, target, concurrency), _ => false);
        return ResponseFactory.Create("Delete");
    }

    private OrganizationResponse Retrieve(ExecutionScope scope, OrganizationRequest request)
    {
        var target = Target<EntityReference>(request);
        var schema = _org.Catalog.Get(target.LogicalName);
        var columns = RowMaterializer.Columns(schema, request.Parameters.TryGetValue("ColumnSet", out var cs) ? cs as ColumnSet : null);
        var id = target.Id != Guid.Empty || target.KeyAttributes.Count == 0 ? target.Id : KeyResolver.Resolve(_org.Store, scope.Transaction, schema, target.KeyAttributes);
        var op = new PipelineOperation("Retrieve", schema.LogicalName, request.Parameters) { PrimaryId = id };
        _org.Runner.Run(scope, op, () =>
        {
            var row = _org.Store.Get(scope.Transaction, schema.LogicalName, id) ?? throw RowWriter.NotFound(schema.LogicalName, id);
            RowsExaminedTally.Add(1); // a primary-key seek reads the one row it returns
            op.Output["Entity"] = RowMaterializer.ToEntity(_org.Store, scope.Transaction, schema, row, columns, withFormatting: true);
        }, _ => false);
        return ResponseFactory.Create("Retrieve", ("Entity", op.Output["Entity"]));
    }

    private OrganizationResponse RetrieveMultiple(ExecutionScope scope, OrganizationRequest request)
    {
        var query = request.Parameters.TryGetValue("Query", out var q) ? q as QueryBase : null;
        if (query == null) throw Faults.Create(ErrorCodes.InvalidArgument, "RetrieveMultiple needs a Query.");
        var table = query switch { QueryExpression qe => qe.EntityName, _ => null };
        var op = new PipelineOperation("RetrieveMultiple", table ?? "", request.Parameters);
        _org.Runner.Run(scope, op, () =>
            op.Output["EntityCollection"] = new QueryEngine(new TransactionDataSource(_org, scope.Transaction)).RetrieveMultiple(query,
                new QueryContext(scope.UserId, _org.Clock.UtcNow)), _ => false);
        return ResponseFactory.Create("RetrieveMultiple", ("EntityCollection", op.Output["EntityCollection"]));
    }

    /// <summary>Upsert: by id, else by alternate key; found → Update without the key columns, not found → Create with them.</summary>
    private OrganizationResponse Upsert(ExecutionScope scope, OrganizationRequest request)
    {
        var target = Target<Entity>(request);
        var schema = _org.Catalog.Get(target.LogicalName);
        Guid? existing = null;
        if (target.Id != Guid.Empty) existing = _org.Store.Get(scope.Transaction, schema.LogicalName, target.Id) != null ? target.Id : null;
        else if (target.KeyAttributes.Count > 0) existing = KeyResolver.TryResolve(_org.Store, scope.Transaction, schema, target.KeyAttributes);
        var op = new PipelineOperation("Upsert", schema.LogicalName, request.Parameters) { PrimaryId = existing ?? target.Id };
        var created = false;
        _org.Runner.Run(scope, op, () =>
        {
            if (existing is Guid id)
            {
                foreach (var key in target.KeyAttributes.Keys) target.Attributes.Remove(key);
                target.Id = id;
                Dispatch(new OrganizationRequest("Update") { ["Target"] = target }, scope);
            }
            else
            {
                foreach (var (key, value) in target.KeyAttributes) if (!target.Contains(key)) target[key] = value;
                target.KeyAttributes = new KeyAttributeCollection();
                target.Id = (Guid)Dispatch(new OrganizationRequest("Create") { ["Target"] = target }, scope).Results["id"];
                created = true;
            }
            op.Output["RecordCreated"] = created;
            op.Output["Target"] = new EntityReference(schema.LogicalName, target.Id);
        }, _ => false);
        return ResponseFactory.Create("Upsert", ("RecordCreated", op.Output["RecordCreated"]), ("Target", op.Output["Target"]));
    }

    private OrganizationResponse Assign(ExecutionScope scope, OrganizationRequest request)
    {
        var target = Target<EntityReference>(request);
        var assignee = request.Parameters.TryGetValue("Assignee", out var a) ? a as EntityReference : null;
        if (assignee == null) throw Faults.Create(ErrorCodes.InvalidArgument, "Assign needs an Assignee.");
        return WriteThroughPipeline(scope, "Assign", target, request, new Entity(target.LogicalName, target.Id) { ["ownerid"] = assignee });
    }

    private OrganizationResponse SetState(ExecutionScope scope, OrganizationRequest request)
    {
        var target = request.Parameters.TryGetValue("EntityMoniker", out var m) ? m as EntityReference : null;
        if (target == null) throw Faults.Create(ErrorCodes.InvalidArgument, "SetState needs an EntityMoniker.");
        var change = new Entity(target.LogicalName, target.Id)
        {
            ["statecode"] = request.Parameters.TryGetValue("State", out var s) ? s : null,
            ["statuscode"] = request.Parameters.TryGetValue("Status", out var st) && st is OptionSetValue { Value: not -1 } ? st : null,
        };
        if (change["statuscode"] == null) change.Attributes.Remove("statuscode"); // -1 = the state's default status
        return WriteThroughPipeline(scope, "SetState", target, request, change);
    }

    // Assign and SetState: their own message's steps around a system write of the row.
    private OrganizationResponse WriteThroughPipeline(ExecutionScope scope, string message, EntityReference target, OrganizationRequest request, Entity change)
    {
        var schema = _org.Catalog.Get(target.LogicalName);
        var op = new PipelineOperation(message, schema.LogicalName, request.Parameters) { PrimaryId = target.Id };
        op.PreRows[target.Id] = _org.Store.Get(scope.Transaction, schema.LogicalName, target.Id);
        op.PostRows[target.Id] = null;
        _org.Runner.Run(scope, op, () => _writer.Update(scope, schema, change, ConcurrencyBehavior.Default, systemWrite: true), _ => true);
        return ResponseFactory.Create(message);
    }

    /// <summary>
    /// AddToQueue: puts the Target in DestinationQueueId as a queueitem and returns its QueueItemId. A record
    /// already active in a queue is moved (its queue item points to the new queue), as the message moves
    /// a record from its source queue to the destination.
    /// </summary>
    private OrganizationResponse AddToQueue(ExecutionScope scope, OrganizationRequest request)
    {
        var target = Target<EntityReference>(request);
        var queueId = request.Parameters.TryGetValue("DestinationQueueId", out var d) && d is Guid g && g != Guid.Empty ? g
            : throw Faults.Create(ErrorCodes.InvalidArgument, "AddToQueue needs a DestinationQueueId.");
        RequireRow(scope, target);
        RequireRow(scope, new EntityReference("queue", queueId));
        var op = new PipelineOperation("AddToQueue", target.LogicalName, request.Parameters) { PrimaryId = target.Id };
        _org.Runner.Run(scope, op, () =>
        {
            var query = new QueryExpression("queueitem") { ColumnSet = new ColumnSet("queueid"), TopCount = 1 };
            query.Criteria.AddCondition("objectid", ConditionOperator.Equal, target.Id);
            query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
            var existing = new QueryEngine(new TransactionDataSource(_org, scope.Transaction)).RetrieveMultiple(query,
                new QueryContext(scope.UserId, _org.Clock.UtcNow)).Entities.FirstOrDefault();
            var queue = new EntityReference("queue", queueId);
            if (existing != null)
            {
                Dispatch(new OrganizationRequest("Update") { ["Target"] = new Entity("queueitem", existing.Id) { ["queueid"] = queue } }, scope);
                op.Output["QueueItemId"] = existing.Id;
                return;
            }
            var item = new Entity("queueitem") { ["queueid"] = queue, ["objectid"] = target };
            op.Output["QueueItemId"] = (Guid)Dispatch(new OrganizationRequest("Create") { ["Target"] = item }, scope).Results["id"];
        }, _ => false);
        return ResponseFactory.Create("AddToQueue", ("QueueItemId", op.Output["QueueItemId"]));
    }

    private OrganizationResponse Associate(ExecutionScope scope, OrganizationRequest request)
    {
        var target = Target<EntityReference>(request);
        var relationship = request.Parameters.TryGetValue("Relationship", out var r) ? r as Relationship : null;
        var related = request.Parameters.TryGetValue("RelatedEntities", out var re) ? re as EntityReferenceCollection : null;
        if (relationship == null || related == null) throw Faults.Create(ErrorCodes.InvalidArgument, $"{request.RequestName} needs Relationship and RelatedEntities.");
        var add = request.RequestName == "Associate";
        var op = new PipelineOperation(request.RequestName, target.LogicalName, request.Parameters) { PrimaryId = target.Id };
        _org.Runner.Run(scope, op, () =>
        {
            RequireRow(scope, target);
            foreach (var other in related)
            {
                RequireRow(scope, other);
                _org.Store.Link(scope.Transaction, IntersectLinks.Normalize(relationship.SchemaName, target, other), add);
            }
        }, _ => false);
        return ResponseFactory.Create(request.RequestName);
    }

    private OrganizationResponse ExecuteTransaction(ExecutionScope scope, OrganizationRequest request)
    {
        var requests = Requests(request);
        if (requests.Count > MaxBatchSize) throw BatchTooLarge(requests.Count);
        var responses = new OrganizationResponseCollection();
        for (var i = 0; i < requests.Count; i++)
        {
            try { responses.Add(Dispatch(requests[i], scope)); }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                fault.Detail.ErrorDetails["FaultedRequestIndex"] = i;
                throw;
            }
        }
        var returnResponses = request.Parameters.TryGetValue("ReturnResponses", out var rr) && rr is true;
        return ResponseFactory.Create("ExecuteTransaction", ("Responses", returnResponses ? responses : null));
    }

    /// <summary>Each item in its own transaction, in order; ContinueOnError and ReturnResponses as documented.</summary>
    public OrganizationResponse ExecuteMultiple(OrganizationRequest request, Func<OrganizationRequest, OrganizationResponse> run)
    {
        var requests = Requests(request);
        if (requests.Count > MaxBatchSize) throw BatchTooLarge(requests.Count);
        var settings = request.Parameters.TryGetValue("Settings", out var s) ? s as ExecuteMultipleSettings : null;
        var continueOnError = settings?.ContinueOnError == true;
        var returnResponses = settings?.ReturnResponses == true;
        var items = new ExecuteMultipleResponseItemCollection();
        var faulted = false;
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                var response = run(requests[i]);
                if (returnResponses) items.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Response = response });
            }
            catch (Exception error) when (RequestProcessor.IsFault(error))
            {
                faulted = true;
                items.Add(new ExecuteMultipleResponseItem
                {
                    RequestIndex = i,
                    Fault = error is FaultException<OrganizationServiceFault> f ? f.Detail
                        : new OrganizationServiceFault { ErrorCode = ((InvalidPluginExecutionException)error).ErrorCode, Message = error.Message },
                });
                if (!continueOnError) break;
            }
        }
        return ResponseFactory.Create("ExecuteMultiple", ("IsFaulted", faulted), ("Responses", items));
    }

    private static Exception BatchTooLarge(int count)
    {
        var fault = Faults.Create(ErrorCodes.MaxBatchSizeExceeded, $"The request contains {count} requests; the maximum batch size is {MaxBatchSize}.");
        fault.Detail.ErrorDetails["MaxBatchSize"] = MaxBatchSize;
        return fault;
    }

    private void RequireRow(ExecutionScope scope, EntityReference reference)
    {
        var schema = _org.Catalog.Get(reference.LogicalName);
        if (_org.Store.Get(scope.Transaction, schema.LogicalName, reference.Id) == null) throw RowWriter.NotFound(schema.LogicalName, reference.Id);
    }

    private static T Target<T>(OrganizationRequest request) where T : class =>
        request.Parameters.TryGetValue("Target", out var target) && target is T typed ? typed
        : throw Faults.Create(ErrorCodes.InvalidArgument, $"{request.RequestName} needs a Target of type {typeof(T).Name}.");

    private static List<Entity> Targets(OrganizationRequest request) =>
        request.Parameters.TryGetValue("Targets", out var targets) && targets is EntityCollection collection ? collection.Entities.ToList()
        : throw Faults.Create(ErrorCodes.InvalidArgument, $"{request.RequestName} needs Targets (an EntityCollection).");

    private static List<OrganizationRequest> Requests(OrganizationRequest request) =>
        request.Parameters.TryGetValue("Requests", out var requests) && requests is IEnumerable<OrganizationRequest> list ? list.ToList()
        : throw Faults.Create(ErrorCodes.InvalidArgument, $"{request.RequestName} needs Requests.");
}
