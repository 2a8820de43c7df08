using AdoptionCrm.Emulator;
using AdoptionCrm.Emulator.Service;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests;

public class BatchTests
{
    private readonly EmulatedOrganization _org = TestOrg.Create();

    private static OrganizationRequest Create(string lastName) => new("Create") { ["Target"] = new Entity("lead") { ["lastname"] = lastName } };
    private static OrganizationRequest Bad() => new("Create") { ["Target"] = new Entity("lead") { ["firstname"] = new string('x', 99) } };

    private OrganizationResponse ExecuteMultiple(bool continueOnError, params OrganizationRequest[] requests)
    {
        var batch = new ExecuteMultipleRequest
        {
            Requests = new OrganizationRequestCollection(),
            Settings = new ExecuteMultipleSettings { ContinueOnError = continueOnError, ReturnResponses = true },
        };
        batch.Requests.AddRange(requests);
        return _org.SystemService.Execute(batch);
    }

    [Fact]
    public void ExecuteMultiple_ContinueOnError_runs_every_item_in_its_own_transaction()
    {
        var response = (ExecuteMultipleResponse)ExecuteMultiple(true, Create("a"), Bad(), Create("c"));
        Assert.True(response.IsFaulted);
        Assert.Equal(new[] { 0, 1, 2 }, response.Responses.Select(r => r.RequestIndex));
        Assert.NotNull(response.Responses[1].Fault);
        Assert.IsType<CreateResponse>(response.Responses[2].Response);
        Assert.Equal(2, _org.Store.CommittedCount("lead"));
    }

    [Fact]
    public void ExecuteMultiple_without_ContinueOnError_stops_at_the_first_fault()
    {
        ExecuteMultiple(false, Create("a"), Bad(), Create("c"));
        Assert.Equal(1, _org.Store.CommittedCount("lead"));
    }

    [Fact]
    public void ExecuteMultiple_over_1000_requests_faults_before_running_any()
    {
        var fault = TestOrg.Fault(() => ExecuteMultiple(true, Enumerable.Range(0, 1001).Select(i => Create("n" + i)).ToArray()));
        Assert.Equal(ErrorCodes.MaxBatchSizeExceeded, fault.ErrorCode);
        Assert.Equal(1000, fault.ErrorDetails["MaxBatchSize"]);
        Assert.Equal(0, _org.Store.CommittedCount("lead"));
    }

    [Fact]
    public void ExecuteTransaction_rolls_back_every_request_when_one_fails()
    {
        var transaction = new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection { Create("a"), Bad() } };
        var fault = TestOrg.Fault(() => _org.SystemService.Execute(transaction));
        Assert.Equal(1, fault.ErrorDetails["FaultedRequestIndex"]);
        Assert.Equal(0, _org.Store.CommittedCount("lead"));
    }

    [Fact]
    public void RetrieveMultiple_is_routed_to_the_query_engine_over_the_transaction_view()
    {
        var account = _org.SystemService.Create(new Entity("account") { ["name"] = "A" });
        _org.SystemService.Create(new Entity("lead") { ["lastname"] = "in", ["parentaccountid"] = new EntityReference("account", account) });
        _org.SystemService.Create(new Entity("lead") { ["lastname"] = "out" });
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") };
        query.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, account);
        var rows = _org.SystemService.RetrieveMultiple(query);
        Assert.Equal("in", Assert.Single(rows.Entities)["lastname"]);
    }
}
