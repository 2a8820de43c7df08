using AdoptionCrm.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Service;

/// <summary>IOrganizationService as one user; when created inside a step, its calls nest under that step.</summary>
public sealed class OrganizationService : IOrganizationService
{
    private readonly EmulatedOrganization _org;
    private readonly EmulatedPluginContext? _caller;
    private readonly Storage.Transaction? _unitOfWork;

    internal OrganizationService(EmulatedOrganization org, Guid userId, Guid initiatingUserId, EmulatedPluginContext? caller, Storage.Transaction? unitOfWork = null)
    {
        _org = org;
        UserId = userId;
        InitiatingUserId = initiatingUserId;
        _caller = caller;
        _unitOfWork = unitOfWork;
    }

    public Guid UserId { get; }
    public Guid InitiatingUserId { get; }

    public OrganizationResponse Execute(OrganizationRequest request)
    {
        if (_unitOfWork != null) return _org.Processor.ExecuteIn(_unitOfWork, request, UserId);
        if (_caller == null) return _org.Processor.Execute(request, UserId, InitiatingUserId, null);
        // A plugin's call: recorded in the log so the per-request call and row budget can be measured.
        OrganizationResponse? response = null;
        using var examined = Query.RowsExaminedTally.Start();
        try { return response = _org.Processor.Execute(request, UserId, InitiatingUserId, _caller); }
        finally { _org.Log.Add(CallEntry(request, response, examined.Rows)); }
    }

    private ServiceCallEntry CallEntry(OrganizationRequest? request, OrganizationResponse? response, long rowsExamined)
    {
        var rows = response?.Results switch
        {
            { } r when r.TryGetValue("EntityCollection", out var c) && c is EntityCollection collection => collection.Entities.Count,
            { } r when r.TryGetValue("Entity", out var e) && e is Entity => 1,
            _ => 0,
        };
        string? table = null;
        if (request != null && request.Parameters.TryGetValue("Target", out var target))
            table = target switch { Entity e => e.LogicalName, EntityReference r => r.LogicalName, _ => null };
        else if (request != null && request.Parameters.TryGetValue("Query", out var query))
            table = query switch { QueryExpression q => q.EntityName, QueryByAttribute q => q.EntityName, _ => null };
        return new ServiceCallEntry(_caller!.CorrelationId, _caller.MessageName, _caller.PrimaryEntityName, _caller.Stage, _caller.Depth + 1,
            request?.RequestName ?? "", table, rows, rowsExamined, response != null)
        {
            BytesRead = PayloadSize.Received(response),
            BytesWritten = PayloadSize.Sent(request),
        };
    }

    public Guid Create(Entity entity) => (Guid)Execute(new OrganizationRequest("Create") { ["Target"] = entity }).Results["id"];

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) =>
        (Entity)Execute(new OrganizationRequest("Retrieve") { ["Target"] = new EntityReference(entityName, id), ["ColumnSet"] = columnSet }).Results["Entity"];

    public void Update(Entity entity) => Execute(new OrganizationRequest("Update") { ["Target"] = entity });

    public void Delete(string entityName, Guid id) => Execute(new OrganizationRequest("Delete") { ["Target"] = new EntityReference(entityName, id) });

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Execute(new OrganizationRequest("Associate") { ["Target"] = new EntityReference(entityName, entityId), ["Relationship"] = relationship, ["RelatedEntities"] = relatedEntities });

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Execute(new OrganizationRequest("Disassociate") { ["Target"] = new EntityReference(entityName, entityId), ["Relationship"] = relationship, ["RelatedEntities"] = relatedEntities });

    public EntityCollection RetrieveMultiple(QueryBase query) =>
        (EntityCollection)Execute(new OrganizationRequest("RetrieveMultiple") { ["Query"] = query }).Results["EntityCollection"];
}

/// <summary>The organization's IOrganizationServiceFactory for callers outside the pipeline: null = SYSTEM.</summary>
internal sealed class OrganizationServiceFactory : IOrganizationServiceFactory
{
    private readonly EmulatedOrganization _org;

    public OrganizationServiceFactory(EmulatedOrganization org) => _org = org;

    public IOrganizationService CreateOrganizationService(Guid? userId)
    {
        var user = userId is Guid id && id != Guid.Empty ? id : _org.SystemUserId;
        return new OrganizationService(_org, user, user, null);
    }
}
