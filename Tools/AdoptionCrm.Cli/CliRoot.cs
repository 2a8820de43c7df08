using System.CommandLine;
using AdoptionCrm.Cli.Commands;

namespace AdoptionCrm.Cli;

/// <summary>The root command with every subcommand and the recursive --verbose option, shared by Program and the tests so both parse alike.</summary>
public static class CliRoot
{
    public static RootCommand Create()
    {
        var root = new RootCommand("AdoptionCrm: bottom-up adoption for Dynamics 365 / Dataverse");
        root.Options.Add(CommandRunner.Verbose);
        root.Subcommands.Add(PackCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(BackfillCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        return root;
    }
}
