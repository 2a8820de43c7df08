using AdoptionCrm.Cli.Simulate;
using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Cli.Tests;

/// <summary>simulate --as-of DATE: the clock moves to DATE after the replay, the daily recompute runs on each day, and the result is as of DATE.</summary>
public class SimulateAsOfTests
{
    private static string[] FifteenInJanuary() =>
        Enumerable.Range(0, 15).Select(i => $"p{i}@contoso.com,P{i},Lee,,2025-01-{2 + i:00}T10:00:00Z").ToArray();

    [Fact]
    public void Fifteen_signups_in_January_as_of_June_the_account_and_its_company_show_0_people_no_stage_and_an_explanation_dated_June()
    {
        using var files = new SimulationFiles();
        var leads = files.Leads(FifteenInJanuary());
        var accounts = files.Accounts("Contoso,contoso.com,Ann Sales");

        var january = files.Run(leads, accounts).Result;
        Assert.Equal((15, "EnterpriseReady"), (january.Accounts[0].Adopters, january.Accounts[0].Stage));

        var outcome = SimulationRunner.Run(leads, accounts, null, asOfUtc: new DateTime(2025, 6, 15, 0, 0, 0, DateTimeKind.Utc));
        var june = outcome.Result;
        var account = Assert.Single(june.Accounts);
        Assert.Equal((0, 0, "None"), (account.Adopters, account.Score, account.Stage));
        Assert.Equal(new DateTime(2025, 6, 15), account.AsOf!.Value.Date);
        Assert.Contains("As of 15 Jun 2025", account.Explanation);
        Assert.Equal(new DateTime(2025, 6, 15, 0, 0, 0, DateTimeKind.Utc), june.AsOf);
        Assert.DoesNotContain(june.Companies, c => c.Domain == "contoso.com"); // no counted person left

        var company = outcome.Organization.SystemService.Retrieve(CompanyColumns.EntityName, RowIds.Company("contoso.com"), new Microsoft.Xrm.Sdk.Query.ColumnSet(true));
        Assert.Equal(0, company.GetAttributeValue<int>(CompanyColumns.People));
        Assert.Equal((int)AdoptionStage.None, company.GetAttributeValue<OptionSetValue>(CompanyColumns.Stage).Value);
        Assert.Equal(new DateTime(2025, 6, 15), company.GetAttributeValue<DateTime>(CompanyColumns.AsOf).Date);
        Assert.Contains("As of 15 Jun 2025", company.GetAttributeValue<string>(CompanyColumns.Explanation));
        Assert.Contains("\"asOf\": \"2025-06-15T00:00:00Z\"", june.ToJson());
    }

    [Fact]
    public void As_of_a_date_inside_the_window_keeps_the_people_and_decays_the_score()
    {
        using var files = new SimulationFiles();
        var leads = files.Leads(FifteenInJanuary());
        var accounts = files.Accounts("Contoso,contoso.com,Ann Sales");
        var then = files.Run(leads, accounts).Result.Accounts[0];
        var later = SimulationRunner.Run(leads, accounts, null, asOfUtc: new DateTime(2025, 2, 10, 0, 0, 0, DateTimeKind.Utc)).Result.Accounts[0];
        Assert.Equal(15, later.Adopters);
        Assert.True(later.Score < then.Score, $"{later.Score} should be below {then.Score}");
        Assert.Contains("As of 10 Feb 2025", later.Explanation);
    }

    [Fact]
    public void An_as_of_date_before_the_last_signup_is_refused()
    {
        using var files = new SimulationFiles();
        var leads = files.Leads(FifteenInJanuary());
        var e = Assert.Throws<InvalidDataException>(() => SimulationRunner.Run(leads, null, null, asOfUtc: new DateTime(2025, 1, 5, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Contains("before the last signup", e.Message);
    }
}
