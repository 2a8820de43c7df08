using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Tests;

/// <summary>The execution log keeps the newest entries up to its capacity and counts every one; null capacity keeps it whole.</summary>
public class ExecutionLogBoundTests
{
    private static EmulatedOrganization OrgWithStep(int? capacity)
    {
        var org = EmulatedOrganization.Create(new EmulatorOptions { ExecutionLogCapacity = capacity });
        // Each lead create runs this step once, and the step makes one service call.
        org.On("Create", "lead", 40, (c, f, t) => f.CreateOrganizationService(null).Retrieve("lead", c.PrimaryEntityId, new Microsoft.Xrm.Sdk.Query.ColumnSet("lastname")));
        return org;
    }

    [Fact]
    public void A_bounded_log_keeps_the_newest_entries_and_counts_all()
    {
        var org = OrgWithStep(capacity: 3);
        for (var i = 0; i < 10; i++) org.SystemService.Create(new Entity("lead") { ["lastname"] = "n" + i });
        Assert.Equal(3, org.Log.Entries.Count);
        Assert.Equal(3, org.Log.ServiceCalls.Count);
        Assert.Equal((10L, 10L, 10L), (org.Log.Totals.StepExecutions, org.Log.Totals.ServiceCalls, org.Log.Totals.RowsExamined));
        Assert.True(org.Log.Totals.BytesRead > 0);
        org.Log.Clear();
        Assert.Equal(0L, org.Log.Totals.ServiceCalls);
    }

    [Fact]
    public void A_log_without_capacity_keeps_every_entry()
    {
        var org = OrgWithStep(capacity: null);
        for (var i = 0; i < 10; i++) org.SystemService.Create(new Entity("lead") { ["lastname"] = "n" + i });
        Assert.Equal(10, org.Log.Entries.Count);
        Assert.Equal(10, org.Log.ServiceCalls.Count);
    }

    [Fact]
    public void The_default_log_is_bounded()
    {
        Assert.Equal(EmulatorOptions.DefaultExecutionLogCapacity, EmulatedOrganization.Create().Log.Capacity);
    }
}
