using AdoptionCrm.Emulator;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests;

public class ConcurrencyTests
{
    [Fact]
    public void Update_with_IfRowVersionMatches_faults_on_a_stale_RowVersion()
    {
        var org = TestOrg.Create();
        var service = org.SystemService;
        var id = service.Create(new Entity("lead") { ["lastname"] = "x" });
        var stale = service.Retrieve("lead", id, new ColumnSet("lastname"));
        service.Update(new Entity("lead", id) { ["firstname"] = "moved on" });
        var update = new OrganizationRequest("Update") { ["Target"] = new Entity("lead", id) { ["firstname"] = "late", RowVersion = stale.RowVersion }, ["ConcurrencyBehavior"] = ConcurrencyBehavior.IfRowVersionMatches };
        Assert.Equal(ErrorCodes.ConcurrencyVersionMismatch, TestOrg.Fault(() => service.Execute(update)).ErrorCode);
        var fresh = service.Retrieve("lead", id, new ColumnSet("lastname"));
        update["Target"] = new Entity("lead", id) { ["firstname"] = "on time", RowVersion = fresh.RowVersion };
        service.Execute(update);
        Assert.Equal("on time", service.Retrieve("lead", id, new ColumnSet("firstname"))["firstname"]);
    }

    [Fact]
    public void Delete_with_IfRowVersionMatches_faults_on_a_stale_RowVersion()
    {
        var org = TestOrg.Create();
        var service = org.SystemService;
        var id = service.Create(new Entity("lead") { ["lastname"] = "x" });
        var version = service.Retrieve("lead", id, new ColumnSet("lastname")).RowVersion;
        service.Update(new Entity("lead", id) { ["firstname"] = "changed" });
        var delete = new OrganizationRequest("Delete") { ["Target"] = new EntityReference("lead", id) { RowVersion = version }, ["ConcurrencyBehavior"] = ConcurrencyBehavior.IfRowVersionMatches };
        Assert.Equal(ErrorCodes.ConcurrencyVersionMismatch, TestOrg.Fault(() => service.Execute(delete)).ErrorCode);
    }

    [Fact]
    public void Row_lock_held_to_commit_makes_N_threads_counter_pattern_exact()
    {
        var org = TestOrg.Create();
        var service = org.SystemService;
        var counter = service.Create(new Entity("account") { ["name"] = "counter", ["numberofemployees"] = 0 });
        // The documented pattern: dummy update (takes the lock) → read → increment, inside the lead's transaction.
        org.On("Create", "lead", 20, (c, f, t) =>
        {
            var s = f.CreateOrganizationService(null);
            s.Update(new Entity("account", counter) { ["name"] = "counter" });
            var value = s.Retrieve("account", counter, new ColumnSet("numberofemployees")).GetAttributeValue<int>("numberofemployees");
            Thread.Yield();
            s.Update(new Entity("account", counter) { ["numberofemployees"] = value + 1 });
        });
        const int threads = 8, perThread = 25;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            for (var i = 0; i < perThread; i++) org.SystemService.Create(new Entity("lead") { ["lastname"] = "n" });
        });
        Assert.Equal(threads * perThread, service.Retrieve("account", counter, new ColumnSet("numberofemployees")).GetAttributeValue<int>("numberofemployees"));
    }
}
