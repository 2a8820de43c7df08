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
            accounts.AddRow(Markup.Escape(a.Stage), Markup.Escape(a.Name) + (a.AutoCreated ? " [grey](auto)[/]" : ""), Markup.Escape(a.Owner ?? ""), a.Adopters.ToString(), a.Score.ToString());
        var quiet = report.Accounts.Count(a => a.Stage == "None");
        console.Write(accounts);
        if (quiet > 0) console.MarkupLineInterpolated($"[grey]{quiet} account(s) with no signups are not listed.[/]");

        var tasks = new Table().Border(TableBorder.Rounded).Title("Tasks for the reps")
            .AddColumn("Owner").AddColumn(new TableColumn("Tasks").RightAligned()).AddColumn("Accounts and stages");
        foreach (var (owner, count) in report.TasksByOwner)
            tasks.AddRow(Markup.Escape(owner), count.ToString(),
                Markup.Escape(string.Join(", ", report.Tasks.Where(t => (t.Owner ?? "(none)") == owner).Select(t => $"{t.Account} → {t.Stage}"))));
        console.Write(tasks);

        // Sales ops' prospecting list: the companies adopting before anyone made them an account.
        var prospects = new Table().Border(TableBorder.Rounded).Title(ProspectsTitle)
            .AddColumn("Company domain").AddColumn(new TableColumn("People").RightAligned()).AddColumn(new TableColumn("Score").RightAligned()).AddColumn("Stage");
        foreach (var c in report.Companies.Where(c => c.Account == null).Take(10))
            prospects.AddRow(Markup.Escape(c.Domain), c.People.ToString(), c.Score.ToString(), Markup.Escape(c.Stage));
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
