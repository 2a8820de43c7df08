using AdoptionCrm.Cli;

// One line per command, in CliRoot; each command lives in its own file under Commands/.
return CommandRunner.Run(CliRoot.Create(), args);
