namespace AdoptionCrm.Cli.Simulate;

/// <summary>An account to create before the signups, with the domains it claims (the first is primary) and its owner's name.</summary>
public sealed record AccountInput(int Line, string Name, IReadOnlyList<string> Domains, string? Owner);
