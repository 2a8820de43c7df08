using System.CommandLine;
using Spectre.Console;
using AdoptionCrm.Cli.Simulate;

namespace AdoptionCrm.Cli.Commands;

/// <summary>
/// `adoptioncrm simulate --leads FILE.csv [--accounts FILE.csv] [--settings FILE.json] [--json OUT.json] [--as-of DATE]`:
/// sales ops' what-if on a fresh emulator with our plugins (contract: issue 4, Simulate/README.md).
/// </summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var leads = new Option<FileInfo>("--leads") { Description = "Signups CSV: email,firstname,lastname,jobtitle,createdon[,usage,invitations]", Required = true };
        var accounts = new Option<FileInfo?>("--accounts") { Description = "Accounts CSV: name,domains,owner (domains separated by ';')" };
        var settings = new Option<FileInfo?>("--settings") { Description = "Settings JSON by camelCase name: " + string.Join(", ", SimulationSettings.Names) };
        var json = new Option<FileInfo?>("--json") { Description = "Write the result as JSON to this file" };
        var asOf = new Option<string?>("--as-of") { Description = "After the replay, move the clock to this date (ISO 8601, UTC) running the daily recompute on each day, and report as of then" };
        var command = new Command("simulate", "Replay signups from CSV through the real plugins under given settings; print accounts and tasks") { leads, accounts, settings, json, asOf };
        command.SetAction(CommandRunner.Action(parse =>
        {
            var leadsFile = Existing(parse.GetValue(leads)!);
            var accountsFile = parse.GetValue(accounts) is { } a ? Existing(a) : null;
            var settingsFile = parse.GetValue(settings) is { } s ? Existing(s) : null;
            var asOfUtc = parse.GetValue(asOf) is { } text ? ParseDate(text) : (DateTime?)null;
            // Progress goes to standard error, so the screen or a redirected result stays clean.
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var progress = new ReplayProgress(() => watch.Elapsed);
            var outcome = SimulationRunner.Run(leadsFile, accountsFile, settingsFile,
                (done, total) => { if (progress.After(done, total) is { } line) Console.Error.WriteLine(line); }, asOfUtc);
            SimulationScreen.Write(CommandRunner.Out, outcome.Result, outcome.Problems);
            if (parse.GetValue(json) is { } output)
            {
                File.WriteAllText(output.FullName, outcome.Result.ToJson());
                CommandRunner.Out.MarkupLineInterpolated($"[grey]wrote {output.FullName}[/]");
            }
            return CommandRunner.Ok;
        }));
        return command;
    }

    private static DateTime ParseDate(string text) =>
        DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var value)
            ? DateTime.SpecifyKind(value, DateTimeKind.Utc)
            : throw new InvalidDataException($"--as-of: '{text}' is not a date (ISO 8601, e.g. 2025-06-15)");

    private static string Existing(FileInfo file) =>
        file.Exists ? file.FullName : throw new FileNotFoundException($"{file.FullName} does not exist");
}
