using System.CommandLine;
using AdoptionCrm.Cli.Demo;
using Spectre.Console;

namespace AdoptionCrm.Cli.Commands;

/// <summary>
/// `adoptioncrm demo [--seed N] [--leads N] [--json] [--serve [--port P]]`: the product on the embedded
/// emulator, from a fresh organization to accounts, stages, scores and the reps' tasks (issue 7).
/// </summary>
public static class DemoCommand
{
    /// <param name="onRun">Called with the finished run (tests check the report against the organization).</param>
    public static Command Create(Action<DemoRunner.Outcome>? onRun = null)
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the generated signups (same seed, same demo)", DefaultValueFactory = _ => 1 };
        var leads = new Option<int>("--leads") { Description = "How many signups to generate", DefaultValueFactory = _ => 2000 };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (no tables, no progress bar)" };
        var serve = new Option<bool>("--serve") { Description = "Then host the account form with the adopters panel on 127.0.0.1 until Ctrl+C" };
        var port = new Option<int>("--port") { Description = "Port for --serve (0: any free port)", DefaultValueFactory = _ => 0 };
        var command = new Command("demo", "Run generated signups through the real plugins on the embedded emulator and show what the engine did") { seed, leads, json, serve, port };
        command.SetAction(CommandRunner.Action(parse =>
        {
            var console = CommandRunner.Out;
            var usage = parse.GetValue(leads) < 1 ? "--leads must be at least 1" : parse.GetValue(port) is < 0 or > 65535 ? "--port must be 0-65535" : null;
            if (usage != null) { Console.Error.WriteLine("error: " + usage); return CommandRunner.Usage; }
            DemoRunner.Outcome outcome;
            if (parse.GetValue(json))
                outcome = DemoRunner.Run(parse.GetValue(seed), parse.GetValue(leads));
            else
            {
                DemoRunner.Outcome? done = null;
                console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("Signups through the plugins", maxValue: parse.GetValue(leads));
                        done = DemoRunner.Run(parse.GetValue(seed), parse.GetValue(leads), (i, n) => { task.MaxValue = n; task.Value = i; });
                    });
                outcome = done!;
            }
            onRun?.Invoke(outcome);
            if (parse.GetValue(json)) Console.WriteLine(outcome.Report.ToJson());
            else DemoScreen.Write(console, outcome.Report);
            return parse.GetValue(serve) ? DemoServer.Serve(console, outcome.Organization, outcome.Report, parse.GetValue(port)) : CommandRunner.Ok;
        }));
        return command;
    }
}
