using System.CommandLine;
using AdoptionCrm.Cli;
using AdoptionCrm.Cli.Commands;

// One line per command; each command lives in its own file under Commands/.
var root = new RootCommand("AdoptionCrm: bottom-up adoption for Dynamics 365 / Dataverse");
root.Options.Add(CommandRunner.Verbose);
root.Subcommands.Add(PackCommand.Create());
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(SimulateCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(BackfillCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
return CommandRunner.Run(root, args);
