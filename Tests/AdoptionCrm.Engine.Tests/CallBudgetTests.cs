using AdoptionCrm.Emulator;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Engine.Tests;

/// <summary>
/// The work per lead create, read from the emulator's log of the plugins' service calls: the same
/// for an account with 10 leads as for one with 1,000 (the 100,000 figure is the benchmark's).
/// </summary>
public class CallBudgetTests
{
    private sealed record Budget(int Calls, int Rows, string Detail);

    private static Budget MeasureNextCreate(int existingLeads, bool withSettingsRow)
    {
        var e = new EngineOrg();
        if (withSettingsRow) e.Settings();
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
        e.Org.Log.Clear();
        e.Lead("new.person@contoso.com");
        var calls = e.Org.Log.ServiceCalls;
        Assert.Single(calls.Select(c => c.CorrelationId).Distinct());
        return new Budget(calls.Count, calls.Sum(c => c.RowsReturned), string.Join(", ", calls.Select(c => $"{c.Request} {c.Table}:{c.RowsReturned}")));
    }

    [Fact]
    public void Calls_and_rows_per_create_are_the_same_for_10_and_1000_leads()
    {
        // 20 and 1,000 both sit past the last threshold (15), so neither create earns a task.
        var small = MeasureNextCreate(20, withSettingsRow: true);
        var large = MeasureNextCreate(1000, withSettingsRow: true);
        Assert.Equal(small.Calls, large.Calls);
        Assert.Equal(small.Rows, large.Rows);
        // settings, rules, domain claims (PreOperation); settings, lock, read, write (PostOperation).
        Assert.Equal("RetrieveMultiple adopt_adoptionsettings:1, RetrieveMultiple adopt_domainrule:0, RetrieveMultiple adopt_accountdomain:1, "
            + "RetrieveMultiple adopt_adoptionsettings:1, Update account:0, RetrieveMultiple account:1, Update account:0", large.Detail);
    }

    [Fact]
    public void Calls_per_create_at_10_leads_match_those_at_1000_when_no_settings_row_exists()
    {
        var small = MeasureNextCreate(10, withSettingsRow: false);
        var large = MeasureNextCreate(1000, withSettingsRow: false);
        Assert.Equal(small.Calls, large.Calls);
        Assert.Equal(small.Rows, large.Rows);
    }

    [Fact]
    public void Excluded_signup_costs_only_the_settings_and_rules_reads()
    {
        var e = new EngineOrg();
        e.Org.Log.Clear();
        e.Lead("someone@gmail.com");
        Assert.Equal(new[] { "RetrieveMultiple adopt_adoptionsettings", "RetrieveMultiple adopt_domainrule" },
            e.Org.Log.ServiceCalls.Select(c => $"{c.Request} {c.Table}"));
    }
}
