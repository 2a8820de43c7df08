using AdoptionCrm.Emulator;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Engine.Tests;

/// <summary>
/// A caller's service after which the async service has run every queued system job: what a person sees once
/// the engine's asynchronous steps caught up. Tests of the moment before use the organization's own service.
/// </summary>
internal sealed class DrainingService(EmulatedOrganization org, IOrganizationService inner) : IOrganizationService
{
    public Guid Create(Entity entity) { var id = inner.Create(entity); org.DrainAsyncQueue(); return id; }
    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => inner.Retrieve(entityName, id, columnSet);
    public void Update(Entity entity) { inner.Update(entity); org.DrainAsyncQueue(); }
    public void Delete(string entityName, Guid id) { inner.Delete(entityName, id); org.DrainAsyncQueue(); }
    public OrganizationResponse Execute(OrganizationRequest request) { var response = inner.Execute(request); org.DrainAsyncQueue(); return response; }
    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) { inner.Associate(entityName, entityId, relationship, relatedEntities); org.DrainAsyncQueue(); }
    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) { inner.Disassociate(entityName, entityId, relationship, relatedEntities); org.DrainAsyncQueue(); }
    public EntityCollection RetrieveMultiple(QueryBase query) => inner.RetrieveMultiple(query);
}
