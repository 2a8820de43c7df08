using System.CommandLine;
using Spectre.Console;
using AdoptionCrm.Cli.Simulate;

namespace AdoptionCrm.Cli.Commands;

/// <summary>
/// `adoptioncrm simulate --leads FILE.csv [--accounts FILE.csv] [--settings FILE.json] [--json OUT.json]`:
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
        var command = new Command("simulate", "Replay signups from CSV through the real plugins under given settings; print accounts and tasks") { leads, accounts, settings, json };
        command.SetAction(CommandRunner.Action(parse =>
        {
            var leadsFile = Existing(parse.GetValue(leads)!);
            var accountsFile = parse.GetValue(accounts) is { } a ? Existing(a) : null;
            var settingsFile = parse.GetValue(settings) is { } s ? Existing(s) : null;
            var outcome = SimulationRunner.Run(leadsFile, accountsFile, settingsFile);
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

    private static string Existing(FileInfo file) =>
        file.Exists ? file.FullName : throw new FileNotFoundException($"{file.FullName} does not exist");
}
