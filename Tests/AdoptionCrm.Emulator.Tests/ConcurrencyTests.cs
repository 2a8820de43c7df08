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

    /// <summary>
    /// EmulatorOptions.RowVersionIsVersionNumberText: docs silent on whether a versionnumber read as a column (here
    /// through a link-entity) may be sent back as a RowVersion. On: it may. Off: only the row's own RowVersion (from a
    /// Retrieve or as a query's row) matches; the linked versionnumber is refused.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_linked_versionnumber_is_a_RowVersion_only_when_the_switch_says_so(bool isVersionNumberText)
    {
        var org = EmulatedOrganization.Create(new EmulatorOptions { RowVersionIsVersionNumberText = isVersionNumberText });
        var service = org.SystemService;
        var account = service.Create(new Entity("account") { ["name"] = "A" });
        var lead = service.Create(new Entity("lead") { ["lastname"] = "x", ["parentaccountid"] = new EntityReference("account", account) });
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname", "versionnumber") };
        var link = query.AddLink("account", "parentaccountid", "accountid", JoinOperator.LeftOuter);
        link.EntityAlias = "a";
        link.Columns = new ColumnSet("versionnumber");
        var row = service.RetrieveMultiple(query).Entities.Single();
        var linkedVersion = Convert.ToString(((AliasedValue)row["a.versionnumber"]).Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(isVersionNumberText, row.RowVersion == Convert.ToString(row["versionnumber"], System.Globalization.CultureInfo.InvariantCulture));
        var update = new OrganizationRequest("Update") { ["Target"] = new Entity("account", account) { ["name"] = "B", RowVersion = linkedVersion }, ["ConcurrencyBehavior"] = ConcurrencyBehavior.IfRowVersionMatches };
        if (isVersionNumberText) service.Execute(update);
        else Assert.Equal(ErrorCodes.ConcurrencyVersionMismatch, TestOrg.Fault(() => service.Execute(update)).ErrorCode);
        // The query's own row carries its RowVersion, which matches either way.
        service.Execute(new OrganizationRequest("Update") { ["Target"] = new Entity("lead", lead) { ["firstname"] = "y", RowVersion = row.RowVersion }, ["ConcurrencyBehavior"] = ConcurrencyBehavior.IfRowVersionMatches });
        Assert.Equal(isVersionNumberText ? "B" : "A", service.Retrieve("account", account, new ColumnSet("name"))["name"]);
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
