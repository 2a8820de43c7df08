using AdoptionCrm.Cli.Simulate;
using Spectre.Console;

namespace AdoptionCrm.Cli.Demo;

/// <summary>demo's screen summary: accounts by stage with scores, tasks per rep, what was excluded and why, the figures.</summary>
public static class DemoScreen
{
    public const string ProspectsTitle = "Companies adopting without an account";

    public static void Write(IAnsiConsole console, DemoReport report)
    {
        var accounts = new Table().Border(TableBorder.Rounded).Title("Accounts by adoption stage")
            .AddColumn("Stage").AddColumn("Account").AddColumn("Owner").AddColumn(new TableColumn("Adopters").RightAligned()).AddColumn(new TableColumn("Score").RightAligned());
        var ranked = report.Accounts.Where(a => a.Stage != "None")
            .OrderByDescending(a => Array.IndexOf(ContractNames.Stages, a.Stage)).ThenByDescending(a => a.Score).ThenBy(a => a.Name, StringComparer.Ordinal);
        foreach (var a in ranked)
            accounts.AddRow(Markup.Escape(a.StageLabel), Markup.Escape(a.Name) + (a.AutoCreated ? " [grey](auto)[/]" : ""), Markup.Escape(a.Owner ?? ""), a.Adopters.ToString(), a.Score.ToString());
        var quiet = report.Accounts.Count(a => a.Stage == "None");
        console.Write(accounts);
        if (quiet > 0) console.MarkupLineInterpolated($"[grey]{quiet} account(s) with no signups are not listed.[/]");

        // The reps' plays: one per account (its stage, state and who to call first), grouped by rep.
        var tasks = new Table().Border(TableBorder.Rounded).Title("Plays for the reps (one per account)")
            .AddColumn("Owner").AddColumn("Account").AddColumn("Stage").AddColumn("State").AddColumn("Due").AddColumn("Call first");
        foreach (var (owner, _) in report.TasksByOwner)
            foreach (var t in report.Tasks.Where(t => (t.Owner ?? "(none)") == owner).OrderBy(t => t.Account, StringComparer.Ordinal))
                tasks.AddRow(Markup.Escape(owner), Markup.Escape(t.Account ?? ""), Markup.Escape(t.StageLabel), Markup.Escape(t.State),
                    t.Due?.ToString("yyyy-MM-dd") ?? "", Markup.Escape(t.Champion ?? ""));
        console.Write(tasks);

        // Sales ops' prospecting list: the companies adopting before anyone made them an account.
        var prospects = new Table().Border(TableBorder.Rounded).Title(ProspectsTitle)
            .AddColumn("Company domain").AddColumn(new TableColumn("People").RightAligned()).AddColumn(new TableColumn("Score").RightAligned()).AddColumn("Stage");
        foreach (var c in report.Companies.Where(c => c.Account == null).Take(10))
            prospects.AddRow(Markup.Escape(c.Domain), c.People.ToString(), c.Score.ToString(), Markup.Escape(c.StageLabel));
        console.Write(prospects);

        var exclusions = new Table().Border(TableBorder.Rounded).Title("Not linked, and why")
            .AddColumn("Outcome").AddColumn(new TableColumn("Signups").RightAligned()).AddColumn("Example reason");
        foreach (var e in report.Exclusions)
            exclusions.AddRow(Markup.Escape(e.Outcome), e.Count.ToString(), Markup.Escape(e.Examples.FirstOrDefault() ?? ""));
        console.Write(exclusions);

        var f = report.Figures;
        console.MarkupLineInterpolated($"[bold]{f.Signups:N0}[/] signups (seed {report.Seed}) in {f.ReplaySeconds:0.0} s: [bold]{f.SignupsPerSecond:N0}[/] signups/s through the plugins, service calls per signup mean {f.ServiceCallsPerSignup.Mean}, max {f.ServiceCallsPerSignup.Max}; {f.TotalSeconds:0.0} s in all.");
    }
}
