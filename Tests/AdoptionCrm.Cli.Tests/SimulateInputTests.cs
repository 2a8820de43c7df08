using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using AdoptionCrm.Plugins.Plays;

namespace AdoptionCrm.Cli.Tests;

/// <summary>simulate's inputs: bad rows skipped with line numbers, settings applied, file order and clock honoured.</summary>
public class SimulateInputTests
{
    [Fact]
    public void Bad_rows_are_reported_with_their_line_numbers_and_skipped()
    {
        using var files = new SimulationFiles();
        var leads = files.WriteText("leads.csv",
            "email,firstname,lastname,jobtitle,createdon,usage,invitations\n" +              // line 1
            "ann@contoso.com,Ann,Lee,\"Head of\nEngineering\",2025-03-01T09:00:00Z,,\n" +   // lines 2-3: a quoted field over two lines
            "bob@contoso.com,Bob\n" +                                                        // line 4: too few fields
            "cara@contoso.com,Cara,Ng,,03/01/2025,,\n" +                                     // line 5: not ISO 8601
            "dan@contoso.com,Dan,Oh,,2025-03-02T09:00:00Z,many,\n" +                         // line 6: usage not a number
            "eve@contoso.com,Eve,Ko,,2025-03-03T09:00:00Z,12,2\n" +                          // line 7: fine
            "fay@contoso.com,Fay,Li,,,,\n" +                                                 // line 8: no createdon
            $"{new string('x', 120)}@contoso.com,Gus,Wu,,2025-03-04T09:00:00Z,,\n");         // line 9: email over the column's 100 characters

        var outcome = files.Run(leads, files.Accounts("Contoso,contoso.com,Ann Sales"));

        Assert.Equal(new[] { 4, 5, 6, 8, 9 }, outcome.Problems.Select(p => p.Line));
        Assert.All(outcome.Problems, p => Assert.Equal("leads.csv", p.File));
        Assert.Contains("createdon", outcome.Problems[1].Message);
        Assert.Contains("lead refused", outcome.Problems[4].Message);
        Assert.Equal(new[] { "ann@contoso.com", "eve@contoso.com" }, outcome.Result.Leads.Select(l => l.Email));
        Assert.Equal(2, outcome.Result.Stats.Leads);
        Assert.Equal(2, Assert.Single(outcome.Result.Accounts).Adopters);
    }

    [Fact]
    public void Bad_account_rows_are_reported_and_the_run_completes()
    {
        using var files = new SimulationFiles();
        var accounts = files.Accounts(",nameless.com,Ann Sales", "Contoso,contoso.com,Ann Sales");
        var outcome = files.Run(files.Leads("ann@contoso.com,Ann,Lee,,2025-03-01"), accounts);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(("accounts.csv", 2), (problem.File, problem.Line));
        Assert.Equal("linked", Assert.Single(outcome.Result.Leads).Outcome);
    }

    [Fact]
    public void A_header_without_a_required_column_fails_the_run()
    {
        using var files = new SimulationFiles();
        var leads = files.WriteText("leads.csv", "email,firstname,lastname,createdon\nann@contoso.com,Ann,Lee,2025-03-01\n");
        var error = Assert.Throws<InvalidDataException>(() => files.Run(leads));
        Assert.Contains("jobtitle", error.Message);
    }

    [Fact]
    public void Lower_thresholds_in_settings_change_the_stage_and_the_tasks()
    {
        using var files = new SimulationFiles();
        var leads = files.Leads(Enumerable.Range(1, 5).Select(i => $"p{i}@contoso.com,P,{i},,2025-03-0{i}T09:00:00Z").ToArray());
        var accounts = files.Accounts("Contoso,contoso.com,Ann Sales");

        var byDefault = files.Run(leads, accounts).Result;
        var lowered = files.Run(leads, accounts, files.Settings("{\"spreadingThreshold\": 4, \"enterpriseThreshold\": 5}")).Result;

        Assert.Equal("Team", Assert.Single(byDefault.Accounts).Stage);
        Assert.Equal("EnterpriseReady", Assert.Single(lowered.Accounts).Stage);
        // One play per account, from Team up by default; the lowered thresholds escalate it in place.
        Assert.Equal(new[] { "Team" }, byDefault.Tasks.Select(t => t.Stage));
        var play = Assert.Single(lowered.Tasks);
        Assert.Equal(("EnterpriseReady", "Enterprise-ready", "open", "high"), (play.Stage, play.StageLabel, play.State, play.Priority));
        Assert.Contains("a company-wide plan with SSO, admin controls and compliance", play.Description);
    }

    [Fact]
    public void Invalid_settings_are_refused_naming_the_field()
    {
        using var files = new SimulationFiles();
        var leads = files.Leads("ann@contoso.com,Ann,Lee,,2025-03-01");
        var error = Assert.ThrowsAny<Exception>(() => files.Run(leads, settings: files.Settings("{\"enterpriseThreshold\": 5}")));
        Assert.Contains(AdoptionSettingsColumns.EnterpriseThreshold, error.Message);
    }

    [Fact]
    public void Signups_run_in_file_order_with_the_clock_at_each_createdon()
    {
        using var files = new SimulationFiles();
        // Not chronological on purpose: Tailspin's signup is later in time but first in the file.
        var leads = files.Leads(
            "hal@tailspin.io,Hal,Xu,,2025-06-10T08:00:00Z",
            "ann@contoso.com,Ann,Lee,,2025-01-15T14:30:00+01:00");
        var accounts = files.Accounts("Contoso,contoso.com,Ann Sales", "Tailspin,tailspin.io,Bob Rep");

        var result = files.Run(leads, accounts, files.Settings("{\"taskIndividual\": true}")).Result;

        Assert.Equal(new[] { "hal@tailspin.io", "ann@contoso.com" }, result.Leads.Select(l => l.Email));
        Assert.Equal(new[] { "Tailspin", "Contoso" }, result.Tasks.Select(t => t.Account));
        var dueDays = TaskRules.DueDays(AdoptionStage.Individual, AdoptionDefaults.Settings);
        Assert.Equal(new DateTime(2025, 6, 10, 8, 0, 0, DateTimeKind.Utc).AddDays(dueDays), result.Tasks[0].Due);
        Assert.Equal(new DateTime(2025, 1, 15, 13, 30, 0, DateTimeKind.Utc).AddDays(dueDays), result.Tasks[1].Due);
    }
}
