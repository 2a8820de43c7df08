using System.CommandLine;
using AdoptionCrm.Cli.Bench;
using Spectre.Console;

namespace AdoptionCrm.Cli.Commands;

/// <summary>`adoptioncrm bench`: the performance figures of the emulator and the engine (design.md "Performance").</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var only = new Option<string?>("--only") { Description = "Comma-separated subset: " + string.Join(",", BenchCatalog.All.Select(b => b.Name)) };
        var full = new Option<bool>("--full") { Description = "Run at the sizes the targets are stated at (100,000 creates, 1,000,000 rows, 100,000 leads per account); slow" };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON instead of a table" };
        var writeSignups = new Option<string?>("--write-signups") { Description = "Write a simulate input (signups.csv, accounts.csv) to this folder instead of measuring" };
        var signups = new Option<int>("--signups") { Description = "Signups to write with --write-signups", DefaultValueFactory = _ => 1_000_000 };
        var companies = new Option<int>("--companies") { Description = "Company domains to spread them over (every other one has an account)", DefaultValueFactory = _ => 5_000 };
        var command = new Command("bench", "Measure creates/s, key and lookup costs, memory, domain normalisation and the engine's work per signup") { only, full, json, writeSignups, signups, companies };
        command.SetAction(CommandRunner.Action(parse =>
        {
            if (parse.GetValue(writeSignups) is { } folder)
            {
                try
                {
                    var (leads, accounts) = SignupCsvWriter.Write(folder, parse.GetValue(signups), parse.GetValue(companies));
                    CommandRunner.Out.MarkupLineInterpolated($"wrote {leads} and {accounts}; run: adoptioncrm simulate --leads {leads} --accounts {accounts}");
                    return CommandRunner.Ok;
                }
                catch (ArgumentException e) { Console.Error.WriteLine("error: " + e.Message); return CommandRunner.Usage; }
            }
            IReadOnlyList<IBenchmark> selected;
            try { selected = BenchCatalog.Select(parse.GetValue(only)); }
            catch (ArgumentException e) { Console.Error.WriteLine("error: " + e.Message); return CommandRunner.Usage; }
            var sizes = parse.GetValue(full) ? BenchSizes.Full : BenchSizes.Quick;
            var env = BenchEnvironment.Capture(parse.GetValue(full) ? "full" : "quick");
            var figures = new List<BenchFigure>();
            var asJson = parse.GetValue(json);
            foreach (var bench in selected)
            {
                // Progress goes to stderr so --json output stays parseable.
                Action<string> progress = message => { if (!asJson) CommandRunner.Out.MarkupLineInterpolated($"[grey]{bench.Name}: {message}[/]"); else Console.Error.WriteLine($"{bench.Name}: {message}"); };
                figures.AddRange(bench.Run(sizes, progress));
            }
            if (asJson) Console.WriteLine(BenchReport.ToJson(env, figures));
            else BenchReport.WriteTable(CommandRunner.Out, env, figures);
            return CommandRunner.Ok;
        }));
        return command;
    }
}
