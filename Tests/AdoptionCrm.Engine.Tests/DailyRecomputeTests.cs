using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Steps;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Engine.Tests;

/// <summary>
/// The daily recompute (adopt_Rebuild, Scope daily, driven in a loop as the scheduled flow drives it):
/// decay and window expiry reach accounts and companies on days nothing happens at them.
/// </summary>
public class DailyRecomputeTests
{
    /// <summary>The flow's loop: call the Custom API with the last cookie until it comes back empty.</summary>
    internal static List<int> RunDaily(EngineOrg e, int maxExecutions = 1000)
    {
        var processed = new List<int>();
        string? cookie = null;
        do
        {
            var request = new OrganizationRequest(RebuildPlugin.MessageName) { [RebuildPlugin.ScopeParameter] = RebuildScope.Daily };
            if (cookie != null) request[RebuildPlugin.CookieParameter] = cookie;
            var response = e.Service.Execute(request);
            cookie = response.Results.Contains(RebuildPlugin.CookieParameter) ? response[RebuildPlugin.CookieParameter] as string : null;
            processed.Add((int)response[RebuildPlugin.ProcessedProperty]);
            Assert.True(processed.Count <= maxExecutions, "the daily recompute did not finish");
        } while (!string.IsNullOrEmpty(cookie));
        return processed;
    }

    private static Entity Company(EngineOrg e, string domain) => e.Service.Retrieve(CompanyColumns.EntityName, RowIds.Company(domain), new ColumnSet(true));

    private static List<Entity> AdoptersOf(EngineOrg e, string domain)
    {
        var query = new QueryExpression(AdopterColumns.EntityName) { ColumnSet = new ColumnSet(true) };
        query.Criteria.AddCondition(AdopterColumns.CompanyId, ConditionOperator.Equal, RowIds.Company(domain));
        return e.Service.RetrieveMultiple(query).Entities.ToList();
    }

    [Fact]
    public void Fifteen_signups_then_61_quiet_days_the_account_and_its_company_show_0_people_no_stage_as_of_the_61st_day()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso", domains: "contoso.com");
        for (var i = 0; i < 15; i++) e.Lead($"p{i}@contoso.com");
        Assert.Equal(AdoptionStage.EnterpriseReady, e.Stage(contoso));
        Assert.Equal(15, e.Adopters(contoso));

        e.Org.AdvanceClock(TimeSpan.FromDays(61));
        DateTime today = e.Org.Clock.UtcNow;
        RunDaily(e);

        var account = e.AccountRow(contoso);
        Assert.Equal(0, e.Adopters(contoso));
        Assert.Equal(AdoptionStage.None, e.Stage(contoso));
        Assert.Equal(0, account.GetAttributeValue<int?>(AccountColumns.AdoptionScore) ?? 0);
        Assert.Equal(today.Date, account.GetAttributeValue<DateTime>(AccountColumns.ScoredOn).Date);
        var company = Company(e, "contoso.com");
        Assert.Equal(0, company.GetAttributeValue<int>(CompanyColumns.People));
        Assert.Equal((int)AdoptionStage.None, company.GetAttributeValue<OptionSetValue>(CompanyColumns.Stage).Value);
        Assert.Equal(today.Date, company.GetAttributeValue<DateTime>(CompanyColumns.AsOf).Date);
        Assert.All(AdoptersOf(e, "contoso.com"), a => Assert.False(a.GetAttributeValue<bool>(AdopterColumns.Counted)));
    }

    [Fact]
    public void Only_the_people_who_left_the_window_stop_counting_and_the_score_decays_daily()
    {
        var e = new EngineOrg();
        var fabrikam = e.Account("Fabrikam", domains: "fabrikam.com");
        for (var i = 0; i < 3; i++) e.Lead($"old{i}@fabrikam.com");
        e.Org.AdvanceClock(TimeSpan.FromDays(50));
        for (var i = 0; i < 4; i++) e.Lead($"new{i}@fabrikam.com");
        Assert.Equal(7, e.Adopters(fabrikam));
        int before = e.AccountRow(fabrikam).GetAttributeValue<int>(AccountColumns.AdoptionScore);

        e.Org.AdvanceClock(TimeSpan.FromDays(5)); // day 55: all seven still in the 60-day window, older now
        RunDaily(e);
        int decayed = e.AccountRow(fabrikam).GetAttributeValue<int>(AccountColumns.AdoptionScore);
        Assert.Equal(7, e.Adopters(fabrikam));
        Assert.True(decayed < before, $"score {decayed} should have decayed from {before}");

        e.Org.AdvanceClock(TimeSpan.FromDays(6)); // day 61: the first three left the window
        RunDaily(e);
        Assert.Equal(4, e.Adopters(fabrikam));
        Assert.Equal(AdoptionStage.Team, e.Stage(fabrikam));
        var counted = AdoptersOf(e, "fabrikam.com").ToDictionary(a => a.GetAttributeValue<string>(AdopterColumns.Email), a => a.GetAttributeValue<bool>(AdopterColumns.Counted));
        Assert.All(Enumerable.Range(0, 3), i => Assert.False(counted[$"old{i}@fabrikam.com"]));
        Assert.All(Enumerable.Range(0, 4), i => Assert.True(counted[$"new{i}@fabrikam.com"]));
    }

    [Fact]
    public void A_second_run_on_the_same_day_changes_nothing_and_a_company_without_an_account_is_recomputed_too()
    {
        var e = new EngineOrg();
        for (var i = 0; i < 3; i++) e.Lead($"p{i}@acmerobotics.com");
        e.Org.AdvanceClock(TimeSpan.FromDays(61));
        var first = RunDaily(e);
        Assert.Equal(0, Company(e, "acmerobotics.com").GetAttributeValue<int>(CompanyColumns.People));
        Assert.Equal(new[] { 0, 0, 1, 0, 0 }, first); // relink queue empty, no rebuild asked, one company, no stragglers, no account
        var second = RunDaily(e);
        Assert.All(second, n => Assert.Equal(0, n));
    }

    [Fact]
    public void More_companies_than_eight_batches_are_all_recomputed_in_one_day()
    {
        // The loop is the flow's, one top-level request per batch, so Depth never grows with the batches.
        var e = new EngineOrg();
        int companies = DailyRecompute.CompanyBatch * 9 + 7;
        for (var i = 0; i < companies; i++) e.Lead($"ann@company{i:D4}.com");
        e.Org.AdvanceClock(TimeSpan.FromDays(61));
        var executions = RunDaily(e);
        Assert.True(executions.Count >= 10, $"{executions.Count} executions");
        Assert.Equal(companies, executions.Skip(2).Take(10).Sum()); // after the (empty) relink and rebuild phases, ten company batches
        var query = new QueryExpression(CompanyColumns.EntityName) { ColumnSet = new ColumnSet(CompanyColumns.People) };
        query.Criteria.AddCondition(CompanyColumns.People, ConditionOperator.GreaterThan, 0);
        Assert.Empty(e.Service.RetrieveMultiple(query).Entities);
    }

    [Fact]
    public void The_shipped_daily_flow_once_turned_on_recomputes_every_day_as_the_clock_passes_its_schedule()
    {
        var off = new EngineOrg();
        for (var i = 0; i < 15; i++) off.Lead($"p{i}@contoso.com");
        off.Org.AdvanceClock(TimeSpan.FromDays(61));
        Assert.Empty(off.Org.Flows.Runs); // imported off: nothing runs until an admin turns it on
        Assert.Equal(15, Company(off, "contoso.com").GetAttributeValue<int>(CompanyColumns.People));

        var e = new EngineOrg();
        e.Org.Flows.TurnOn("Adoption: daily recompute"); // only this one: the backfill's continuation flow runs every 15 minutes
        var contoso = e.Account("Contoso", domains: "contoso.com");
        for (var i = 0; i < 15; i++) e.Lead($"p{i}@contoso.com");
        e.Org.AdvanceClock(TimeSpan.FromDays(61));
        var runs = e.Org.Flows.Runs;
        Assert.Equal(61, runs.Count); // 02:00 UTC each day from 2025-03-02 to 2025-05-01
        Assert.All(runs, r => Assert.Equal("Succeeded", r.Status));
        Assert.All(runs, r => Assert.True(r.ConnectorCalls >= 3, $"{r.ScheduledUtc:d}: {r.ConnectorCalls} calls")); // companies, stragglers, accounts
        Assert.Equal(0, e.Adopters(contoso));
        Assert.Equal(AdoptionStage.None, e.Stage(contoso));
        // Signups on March 1 are in the 60-day window through April 29; the run of April 30 takes them out,
        // and from then on there is nothing left to recompute at this account.
        Assert.Equal(new DateTime(2025, 4, 30, 2, 0, 0, DateTimeKind.Utc), e.AccountRow(contoso).GetAttributeValue<DateTime>(AccountColumns.ScoredOn));
        Assert.Equal(0, Company(e, "contoso.com").GetAttributeValue<int>(CompanyColumns.People));
    }

    [Fact]
    public void The_shipped_flows_arrive_off_because_they_ship_as_Draft()
    {
        var e = new EngineOrg();
        Assert.NotEmpty(e.Org.Flows.Scheduled);
        Assert.All(e.Org.Flows.Scheduled, f => Assert.False(f.ShippedOn, $"{f.Name} ships on"));
        Assert.All(e.Org.Flows.Scheduled, f => Assert.False(e.Org.Flows.IsOn(f.Name)));
    }

    [Fact]
    public void A_batch_that_always_fails_stops_the_shipped_daily_flow_at_once_as_Failed_instead_of_resending_it()
    {
        var e = new EngineOrg();
        for (var i = 0; i < 3; i++) e.Lead($"p{i}@poison.com");
        e.Org.RegisterPlugin<PoisonCompanyPlugin>();
        e.Org.AdvanceClock(TimeSpan.FromDays(61)); // the signups age out: the daily pass must write the company
        var run = e.Org.Flows.RunNow("Adoption: daily recompute");
        Assert.Equal("Failed", run.Status);
        Assert.Contains("poison company", run.Error);
        Assert.Contains("Daily recompute of company poison.com (", run.Error); // the admin is told which company
        // Logic Apps runs the next iteration after a failed one; without the check the same cookie went out up to 5,000 times.
        Assert.True(run.ConnectorCalls < 10, $"{run.ConnectorCalls} calls");
    }

    [Fact]
    public void A_pass_cut_off_by_the_loop_timeout_fails_the_shipped_daily_flow_instead_of_showing_Succeeded()
    {
        var e = new EngineOrg(options: o => o.FlowCallDuration = TimeSpan.FromHours(24)); // one call outlasts the loop's timeout (under 24 h)
        for (var i = 0; i < 3; i++) e.Lead($"p{i}@contoso.com");
        var run = e.Org.Flows.RunNow("Adoption: daily recompute");
        Assert.Equal(("Failed", 1), (run.Status, run.ConnectorCalls));
        Assert.Contains("pass is unfinished", run.Error);
    }
}
