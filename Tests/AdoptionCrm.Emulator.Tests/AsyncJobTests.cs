using System.ServiceModel;
using AdoptionCrm.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests;

/// <summary>Asynchronous steps as the async service runs them: after commit, outside the trigger's transaction, one system job each.</summary>
public class AsyncJobTests
{
    private readonly EmulatedOrganization _org = TestOrg.Create();
    private IOrganizationService Service => _org.SystemService;

    private Entity Job(Guid id) => Service.Retrieve("asyncoperation", id, new ColumnSet(true));

    private static (int State, int Status) StateOf(Entity job) =>
        (job.GetAttributeValue<OptionSetValue>("statecode").Value, job.GetAttributeValue<OptionSetValue>("statuscode").Value);

    [Fact]
    public void Async_step_runs_after_commit_with_a_system_job_row_waiting_then_succeeded()
    {
        _org.On("Create", "lead", 40, (c, f, t) => f.CreateOrganizationService(null).Create(new Entity("task") { ["subject"] = "follow up" }), mode: 1);
        var lead = Service.Create(new Entity("lead") { ["lastname"] = "x" });
        var job = Assert.Single(_org.AsyncQueue.Jobs);
        var row = Job(job.Id);
        Assert.Equal((0, 0), StateOf(row)); // Ready / Waiting For Resources
        Assert.Equal((1, "Create", "lead"), (row.GetAttributeValue<OptionSetValue>("operationtype").Value, row["messagename"], row["primaryentitytype"]));
        Assert.Equal(lead, row.GetAttributeValue<EntityReference>("regardingobjectid").Id);
        Assert.Equal(0, _org.Store.CommittedCount("task"));
        Assert.Equal(1, _org.DrainAsyncQueue());
        Assert.Equal(1, _org.Store.CommittedCount("task"));
        row = Job(job.Id);
        Assert.Equal((3, 30), StateOf(row)); // Completed / Succeeded
        Assert.NotNull(row["completedon"]);
    }

    [Fact]
    public void Async_step_failure_is_recorded_on_its_system_job_and_the_trigger_stays_committed()
    {
        _org.On("Create", "lead", 40, (c, f, t) => throw new InvalidPluginExecutionException("no quota left"), mode: 1);
        var lead = Service.Create(new Entity("lead") { ["lastname"] = "x" });
        _org.DrainAsyncQueue();
        var row = Job(Assert.Single(_org.AsyncQueue.Jobs).Id);
        Assert.Equal((3, 31), StateOf(row)); // Completed / Failed
        Assert.Equal("no quota left", row["message"]);
        Assert.Equal(unchecked((int)0x80131500), row["errorcode"]);
        Assert.NotNull(Service.Retrieve("lead", lead, new ColumnSet("lastname")));
    }

    [Fact]
    public void Async_step_service_calls_each_commit_on_their_own_so_a_later_failure_keeps_earlier_writes()
    {
        _org.On("Create", "lead", 40, (c, f, t) =>
        {
            var service = f.CreateOrganizationService(null);
            service.Create(new Entity("task") { ["subject"] = "kept" });
            service.Create(new Entity("task") { ["subject"] = new string('x', 300) }); // too long: this call fails alone
        }, mode: 1);
        Service.Create(new Entity("lead") { ["lastname"] = "x" });
        _org.DrainAsyncQueue();
        Assert.Equal(1, _org.Store.CommittedCount("task"));
        Assert.Equal(AsyncQueue.Failed, Assert.Single(_org.AsyncQueue.Jobs).StatusCode);
    }

    [Fact]
    public void Async_step_context_is_outside_any_transaction()
    {
        bool? inTransaction = null;
        _org.On("Create", "lead", 40, (c, f, t) => inTransaction = c.IsInTransaction, mode: 1);
        Service.Create(new Entity("lead") { ["lastname"] = "x" });
        _org.DrainAsyncQueue();
        Assert.False(inTransaction);
    }

    [Fact]
    public void Async_retry_is_postponed_until_the_clock_passes_the_retry_delay()
    {
        var attempts = 0;
        _org.On("Create", "lead", 40, (c, f, t) =>
        {
            if (++attempts == 1) throw new InvalidPluginExecutionException(OperationStatus.Retry, "busy");
        }, mode: 1);
        Service.Create(new Entity("lead") { ["lastname"] = "x" });
        Assert.Equal(1, _org.AdvanceClock(TimeSpan.Zero));
        var job = Assert.Single(_org.AsyncQueue.Jobs);
        var row = Job(job.Id);
        Assert.Equal((1, 10), StateOf(row)); // Suspended / Waiting
        Assert.Equal((1, "busy"), (row["retrycount"], row["message"]));
        Assert.Equal(0, _org.AdvanceClock(AsyncQueue.RetryDelay / 2));
        Assert.Equal(1, _org.AdvanceClock(AsyncQueue.RetryDelay));
        Assert.Equal((3, 30), StateOf(Job(job.Id)));
    }

    [Fact]
    public void Async_step_using_a_RowVersion_conditional_update_retries_instead_of_losing_a_concurrent_update()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso", ["numberofemployees"] = 0 });
        var interfere = true;
        _org.On("Create", "lead", 40, (c, f, t) =>
        {
            var service = f.CreateOrganizationService(null);
            var row = service.Retrieve("account", account, new ColumnSet("numberofemployees"));
            if (interfere) { interfere = false; service.Update(new Entity("account", account) { ["numberofemployees"] = 10 }); } // another writer
            var update = new Entity("account", account) { ["numberofemployees"] = row.GetAttributeValue<int>("numberofemployees") + 1, RowVersion = row.RowVersion };
            try { service.Execute(new UpdateRequest { Target = update, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }); }
            catch (FaultException<OrganizationServiceFault> e) when (e.Detail.ErrorCode == ErrorCodes.ConcurrencyVersionMismatch)
            {
                throw new InvalidPluginExecutionException(OperationStatus.Retry, "the account changed; try again");
            }
        }, mode: 1);
        Service.Create(new Entity("lead") { ["lastname"] = "x" });
        Assert.Equal(2, _org.DrainAsyncQueue());
        Assert.Equal(11, Service.Retrieve("account", account, new ColumnSet("numberofemployees"))["numberofemployees"]);
    }
}
