namespace AdoptionCrm.Cli.Tests;

/// <summary>Tests that run commands writing to the process's console (or redirect it) run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
