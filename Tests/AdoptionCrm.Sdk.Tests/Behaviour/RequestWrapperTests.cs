using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Sdk.Tests.Behaviour;

/// <summary>
/// Typed requests are views over Parameters (responses over Results) under the official names, so a service
/// that only sees a plain OrganizationRequest (the emulator, a plugin's InputParameters) reads the same data.
/// </summary>
public class RequestWrapperTests
{
    /// <summary>Setting the property writes Parameters[name]; writing Parameters[name] shows through the property.</summary>
    private static void AssertRoundTrip<TRequest, TValue>(TRequest request, string name, TValue first, TValue second,
        Func<TRequest, TValue> get, Action<TRequest, TValue> set) where TRequest : OrganizationRequest
    {
        set(request, first);
        Assert.Equal(first, (TValue)request.Parameters[name]);
        request.Parameters[name] = second;
        Assert.Equal(second, get(request));
    }

    [Fact]
    public void Request_names_are_the_message_names()
    {
        Assert.Equal("Create", new CreateRequest().RequestName);
        Assert.Equal("Retrieve", new RetrieveRequest().RequestName);
        Assert.Equal("Update", new UpdateRequest().RequestName);
        Assert.Equal("Delete", new DeleteRequest().RequestName);
        Assert.Equal("RetrieveMultiple", new RetrieveMultipleRequest().RequestName);
        Assert.Equal("Upsert", new UpsertRequest().RequestName);
        Assert.Equal("ExecuteMultiple", new ExecuteMultipleRequest().RequestName);
        Assert.Equal("ExecuteTransaction", new ExecuteTransactionRequest().RequestName);
        Assert.Equal("Associate", new AssociateRequest().RequestName);
        Assert.Equal("Disassociate", new DisassociateRequest().RequestName);
        Assert.Equal("Assign", new AssignRequest().RequestName);
        Assert.Equal("SetState", new SetStateRequest().RequestName);
        Assert.Equal("WhoAmI", new WhoAmIRequest().RequestName);
    }

    [Fact]
    public void Response_names_are_the_message_names()
    {
        Assert.Equal("Create", new CreateResponse().ResponseName);
        Assert.Equal("Retrieve", new RetrieveResponse().ResponseName);
        Assert.Equal("Update", new UpdateResponse().ResponseName);
        Assert.Equal("Delete", new DeleteResponse().ResponseName);
        Assert.Equal("RetrieveMultiple", new RetrieveMultipleResponse().ResponseName);
        Assert.Equal("Upsert", new UpsertResponse().ResponseName);
        Assert.Equal("ExecuteMultiple", new ExecuteMultipleResponse().ResponseName);
        Assert.Equal("ExecuteTransaction", new ExecuteTransactionResponse().ResponseName);
        Assert.Equal("Associate", new AssociateResponse().ResponseName);
        Assert.Equal("Disassociate", new DisassociateResponse().ResponseName);
        Assert.Equal("Assign", new AssignResponse().ResponseName);
        Assert.Equal("SetState", new SetStateResponse().ResponseName);
        Assert.Equal("WhoAmI", new WhoAmIResponse().ResponseName);
    }

    [Fact]
    public void Unset_properties_read_as_defaults_without_adding_parameters()
    {
        var update = new UpdateRequest();
        Assert.Null(update.Target);
        Assert.Equal(ConcurrencyBehavior.Default, update.ConcurrencyBehavior);
        Assert.Null(new ExecuteTransactionRequest().ReturnResponses);
        Assert.Empty(update.Parameters);
        Assert.Equal(Guid.Empty, new CreateResponse().id);
        Assert.False(new UpsertResponse().RecordCreated);
        Assert.False(new ExecuteMultipleResponse().IsFaulted);
    }

    [Fact]
    public void Create_Update_Upsert_round_trip_Target()
    {
        AssertRoundTrip(new CreateRequest(), "Target", new Entity("lead"), new Entity("lead"), r => r.Target, (r, v) => r.Target = v);
        AssertRoundTrip(new UpdateRequest(), "Target", new Entity("lead"), new Entity("lead"), r => r.Target, (r, v) => r.Target = v);
        AssertRoundTrip(new UpsertRequest(), "Target", new Entity("lead"), new Entity("lead"), r => r.Target, (r, v) => r.Target = v);
    }

    [Fact]
    public void Update_and_Delete_round_trip_ConcurrencyBehavior()
    {
        AssertRoundTrip(new UpdateRequest(), "ConcurrencyBehavior", ConcurrencyBehavior.IfRowVersionMatches, ConcurrencyBehavior.AlwaysOverwrite,
            r => r.ConcurrencyBehavior, (r, v) => r.ConcurrencyBehavior = v);
        AssertRoundTrip(new DeleteRequest(), "ConcurrencyBehavior", ConcurrencyBehavior.IfRowVersionMatches, ConcurrencyBehavior.AlwaysOverwrite,
            r => r.ConcurrencyBehavior, (r, v) => r.ConcurrencyBehavior = v);
    }

    [Fact]
    public void Retrieve_Delete_round_trip_their_parameters()
    {
        var a = new EntityReference("account", Guid.NewGuid());
        var b = new EntityReference("account", Guid.NewGuid());
        AssertRoundTrip(new RetrieveRequest(), "Target", a, b, r => r.Target, (r, v) => r.Target = v);
        AssertRoundTrip(new RetrieveRequest(), "ColumnSet", new ColumnSet("name"), new ColumnSet(true), r => r.ColumnSet, (r, v) => r.ColumnSet = v);
        AssertRoundTrip(new DeleteRequest(), "Target", a, b, r => r.Target, (r, v) => r.Target = v);
    }

    [Fact]
    public void RetrieveMultiple_round_trips_Query()
    {
        AssertRoundTrip<RetrieveMultipleRequest, QueryBase>(new RetrieveMultipleRequest(), "Query", new QueryExpression("lead"), new QueryExpression("account"),
            r => r.Query, (r, v) => r.Query = v);
    }

    [Fact]
    public void ExecuteMultiple_and_ExecuteTransaction_round_trip_their_parameters()
    {
        AssertRoundTrip(new ExecuteMultipleRequest(), "Requests", new OrganizationRequestCollection(), new OrganizationRequestCollection(),
            r => r.Requests, (r, v) => r.Requests = v);
        AssertRoundTrip(new ExecuteMultipleRequest(), "Settings", new ExecuteMultipleSettings { ContinueOnError = true }, new ExecuteMultipleSettings(),
            r => r.Settings, (r, v) => r.Settings = v);
        AssertRoundTrip(new ExecuteTransactionRequest(), "Requests", new OrganizationRequestCollection(), new OrganizationRequestCollection(),
            r => r.Requests, (r, v) => r.Requests = v);
        AssertRoundTrip(new ExecuteTransactionRequest(), "ReturnResponses", (bool?)true, (bool?)false,
            r => r.ReturnResponses, (r, v) => r.ReturnResponses = v);
    }

    [Fact]
    public void Associate_and_Disassociate_round_trip_their_parameters()
    {
        var target = new EntityReference("account", Guid.NewGuid());
        var relationship = new Relationship("contact_customer_accounts");
        var related = new EntityReferenceCollection { new EntityReference("contact", Guid.NewGuid()) };
        // Typed set, read by name; then set by name, read typed.
        var associate = new AssociateRequest { Target = target, Relationship = relationship, RelatedEntities = related };
        Assert.Same(target, associate.Parameters["Target"]);
        Assert.Same(relationship, associate.Parameters["Relationship"]);
        Assert.Same(related, associate.Parameters["RelatedEntities"]);
        var disassociate = new DisassociateRequest();
        disassociate.Parameters["Target"] = target;
        disassociate.Parameters["Relationship"] = relationship;
        disassociate.Parameters["RelatedEntities"] = related;
        Assert.Same(target, disassociate.Target);
        Assert.Same(relationship, disassociate.Relationship);
        Assert.Same(related, disassociate.RelatedEntities);
    }

    [Fact]
    public void Proxy_requests_round_trip_their_parameters()
    {
        var a = new EntityReference("lead", Guid.NewGuid());
        var b = new EntityReference("lead", Guid.NewGuid());
        AssertRoundTrip(new AssignRequest(), "Target", a, b, r => r.Target, (r, v) => r.Target = v);
        AssertRoundTrip(new AssignRequest(), "Assignee", a, b, r => r.Assignee, (r, v) => r.Assignee = v);
        AssertRoundTrip(new SetStateRequest(), "EntityMoniker", a, b, r => r.EntityMoniker, (r, v) => r.EntityMoniker = v);
        AssertRoundTrip(new SetStateRequest(), "State", new OptionSetValue(1), new OptionSetValue(0), r => r.State, (r, v) => r.State = v);
        AssertRoundTrip(new SetStateRequest(), "Status", new OptionSetValue(2), new OptionSetValue(1), r => r.Status, (r, v) => r.Status = v);
    }

    [Fact]
    public void Responses_read_the_official_result_names()
    {
        var id = Guid.NewGuid();
        var create = new CreateResponse();
        create.Results["id"] = id;
        Assert.Equal(id, create.id);

        var entity = new Entity("account", id);
        var retrieve = new RetrieveResponse();
        retrieve.Results["Entity"] = entity;
        Assert.Same(entity, retrieve.Entity);

        var collection = new EntityCollection();
        var multiple = new RetrieveMultipleResponse();
        multiple.Results["EntityCollection"] = collection;
        Assert.Same(collection, multiple.EntityCollection);

        var upsert = new UpsertResponse();
        upsert.Results["RecordCreated"] = true;
        upsert.Results["Target"] = entity.ToEntityReference();
        Assert.True(upsert.RecordCreated);
        Assert.Equal(entity.ToEntityReference(), upsert.Target);

        var items = new ExecuteMultipleResponseItemCollection { new ExecuteMultipleResponseItem { RequestIndex = 3 } };
        var executeMultiple = new ExecuteMultipleResponse();
        executeMultiple.Results["Responses"] = items;
        executeMultiple.Results["IsFaulted"] = true;
        Assert.Same(items, executeMultiple.Responses);
        Assert.True(executeMultiple.IsFaulted);

        var responses = new OrganizationResponseCollection { new CreateResponse() };
        var transaction = new ExecuteTransactionResponse();
        transaction.Results["Responses"] = responses;
        Assert.Same(responses, transaction.Responses);

        var userId = Guid.NewGuid();
        var buId = Guid.NewGuid();
        var orgId = Guid.NewGuid();
        var whoAmI = new WhoAmIResponse();
        whoAmI.Results["UserId"] = userId;
        whoAmI.Results["BusinessUnitId"] = buId;
        whoAmI.Results["OrganizationId"] = orgId;
        Assert.Equal((userId, buId, orgId), (whoAmI.UserId, whoAmI.BusinessUnitId, whoAmI.OrganizationId));
    }
}
