using Spectre.Console;

namespace AdoptionCrm.Cli.Simulate;

/// <summary>simulate's screen output: skipped rows, then a table of accounts and a table of tasks.</summary>
public static class SimulationScreen
{
    public static void Write(IAnsiConsole console, SimulationResult result, IReadOnlyList<InputProblem> problems)
    {
        foreach (var problem in problems) console.MarkupLineInterpolated($"[yellow]skipped[/] {problem.ToString()}");

        var accounts = new Table().Border(TableBorder.Rounded).Title("Accounts")
            .AddColumn("Account").AddColumn("Domains").AddColumn("Owner").AddColumn(new TableColumn("Adopters").RightAligned())
            .AddColumn(new TableColumn("Score").RightAligned()).AddColumn("Stage");
        foreach (var a in result.Accounts.OrderByDescending(a => Array.IndexOf(ContractNames.Stages, a.Stage)).ThenByDescending(a => a.Score))
            accounts.AddRow(Markup.Escape(a.Name) + (a.AutoCreated ? " [grey](auto)[/]" : ""), Markup.Escape(string.Join("; ", a.Domains)),
                Markup.Escape(a.Owner ?? ""), a.Adopters.ToString(), a.Score.ToString(), Markup.Escape(a.StageLabel));
        console.Write(accounts);

        var tasks = new Table().Border(TableBorder.Rounded).Title("Tasks")
            .AddColumn("Account").AddColumn("Stage").AddColumn("State").AddColumn("Owner").AddColumn("Due").AddColumn("Champion");
        foreach (var t in result.Tasks)
            tasks.AddRow(Markup.Escape(t.Account ?? ""), Markup.Escape(t.StageLabel), Markup.Escape(t.State), Markup.Escape(t.Owner ?? ""), t.Due?.ToString("yyyy-MM-dd") ?? "",
                Markup.Escape(t.Champion ?? ""));
        console.Write(tasks);

        var outcomes = string.Join(", ", result.Leads.GroupBy(l => l.Outcome).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"));
        console.MarkupLineInterpolated($"{result.Stats.Leads} leads ({outcomes}); {problems.Count} row(s) skipped; service calls per create: mean {result.Stats.ServiceCallsPerCreate.Mean}, max {result.Stats.ServiceCallsPerCreate.Max}");
    }
}
