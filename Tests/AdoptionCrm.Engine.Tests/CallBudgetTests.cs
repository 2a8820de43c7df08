using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Engine.Tests;

/// <summary>
/// The work per lead create, read from the emulator's log of the plugins' service calls (every
/// IOrganizationService call a plugin makes, with the rows it returned): the same for an account with
/// 10 leads as for one with 1,000 (the 100,000 figure is the benchmark's). Target (issue 4): at most 4
/// calls without a task and 6 with one. The log lists a call when it returns, so the lead step's lock
/// Update of the account comes after the calls of the account step that runs inside it.
/// </summary>
public class CallBudgetTests
{
    private const string Settings = "RetrieveMultiple adopt_adoptionsettings";
    private const string Claims = "RetrieveMultiple adopt_accountdomain";
    private const string Write = "Update account";        // the account step's write of what changed
    private const string LockUpdate = "Update account";   // the lead step's signal; took the row lock, returns last
    private const string LatestAdopters = "RetrieveMultiple lead";
    private const string CreateTask = "Create task";

    private sealed record Budget(IReadOnlyList<string> Calls, int Rows, long Examined);

    /// <summary>An account with existingLeads adopters (one bulk load), then the measured create.</summary>
    private static Budget Measure(int existingLeads, string email, Action<Entity>? settings = null, TimeSpan? after = null)
    {
        var e = new EngineOrg();
        e.Settings(settings);
        var contoso = e.Account("Contoso", domains: "contoso.com");
        var requests = new OrganizationRequestCollection();
        for (var i = 0; i < existingLeads; i++)
        {
            requests.Add(new OrganizationRequest("Create") { ["Target"] = new Entity(LeadColumns.EntityName) { [LeadColumns.LastName] = "S", [LeadColumns.EmailAddress1] = $"old{i}@contoso.com" } });
            if (requests.Count == 1000 || i == existingLeads - 1)
            {
                e.Service.Execute(new OrganizationRequest("ExecuteMultiple") { ["Requests"] = requests, ["Settings"] = new ExecuteMultipleSettings { ContinueOnError = false } });
                requests = new OrganizationRequestCollection();
            }
        }
        Assert.Equal(existingLeads, e.Adopters(contoso));
        if (after != null) e.Org.Clock.Advance(after.Value);
        e.Org.Log.Clear();
        e.Lead(email);
        var calls = e.Org.Log.ServiceCalls;
        Assert.Single(calls.Select(c => c.CorrelationId).Distinct());
        return new Budget(calls.Select(c => $"{c.Request} {c.Table}:{c.RowsReturned}").ToList(), calls.Sum(c => c.RowsReturned), calls.Sum(c => c.RowsExamined));
    }

    private static void SameAtBothSizes(Budget small, Budget large)
    {
        Assert.Equal(small.Calls, large.Calls);
        Assert.Equal(small.Rows, large.Rows);
        // Rows the calls read (scanned or through an index), not only those returned: nothing walks the account's leads.
        Assert.Equal(small.Examined, large.Examined);
    }

    [Fact]
    public void New_adopter_without_a_task_costs_4_calls_at_10_and_1000_leads()
    {
        // Neither create crosses a threshold (11 and 1,001 adopters; the last threshold is 15).
        var small = Measure(10, "new.person@contoso.com");
        var large = Measure(1000, "new.person@contoso.com");
        SameAtBothSizes(small, large);
        Assert.Equal(new[] { Settings + ":1", Claims + ":1", Write + ":0", LockUpdate + ":0" }, large.Calls);
    }

    [Fact]
    public void Returning_adopter_costs_4_calls_and_is_recognised_by_the_ledger_not_by_a_read_of_leads()
    {
        // old3 signed up yesterday: moved to today's bucket (a write), not counted twice. The claims read
        // returns the one claim row at both sizes: no row per earlier lead, no link to the account's leads.
        var small = Measure(10, "old3@contoso.com", after: TimeSpan.FromDays(1));
        var large = Measure(1000, "old3@contoso.com", after: TimeSpan.FromDays(1));
        SameAtBothSizes(small, large);
        Assert.Equal(new[] { Settings + ":1", Claims + ":1", Write + ":0", LockUpdate + ":0" }, large.Calls);
        Assert.Equal(2, large.Rows);
    }

    [Fact]
    public void Returning_adopter_on_the_same_day_changes_nothing_and_costs_3_calls()
    {
        var small = Measure(10, "old3@contoso.com");
        var large = Measure(1000, "old3@contoso.com");
        SameAtBothSizes(small, large);
        Assert.Equal(new[] { Settings + ":1", Claims + ":1", LockUpdate + ":0" }, large.Calls);
    }

    [Fact]
    public void Excluded_signup_costs_the_one_settings_and_rules_read()
    {
        var small = Measure(10, "someone@gmail.com");
        var large = Measure(1000, "someone@gmail.com");
        SameAtBothSizes(small, large);
        Assert.Equal(new[] { Settings + ":1" }, large.Calls);
    }

    [Fact]
    public void A_stage_rise_with_a_task_costs_6_calls_at_10_and_1000_leads()
    {
        static Action<Entity> EnterpriseAt(int adopters) => s =>
        {
            s[AdoptionSettingsColumns.TeamThreshold] = 2;
            s[AdoptionSettingsColumns.SpreadingThreshold] = 3;
            s[AdoptionSettingsColumns.EnterpriseThreshold] = adopters;
        };
        var small = Measure(10, "new.person@contoso.com", EnterpriseAt(11));
        var large = Measure(1000, "new.person@contoso.com", EnterpriseAt(1001));
        // The task lists the latest 15 adopters: 11 exist at the small account, so its read returns 11 rows.
        Assert.Equal(new[] { Settings + ":1", Claims + ":1", Write + ":0", LatestAdopters + ":11", CreateTask + ":0", LockUpdate + ":0" }, small.Calls);
        Assert.Equal(new[] { Settings + ":1", Claims + ":1", Write + ":0", LatestAdopters + ":15", CreateTask + ":0", LockUpdate + ":0" }, large.Calls);
    }

    [Fact]
    public void Without_a_settings_row_the_defaults_cost_the_same_one_read()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso", domains: "contoso.com");
        for (var i = 0; i < 20; i++) e.Lead($"p{i}@contoso.com");
        e.Org.Log.Clear();
        e.Lead("new.person@contoso.com");
        Assert.Equal(new[] { Settings + ":0", Claims + ":1", Write + ":0", LockUpdate + ":0" },
            e.Org.Log.ServiceCalls.Select(c => $"{c.Request} {c.Table}:{c.RowsReturned}"));
        Assert.Equal(21, e.Adopters(contoso));
    }
}
