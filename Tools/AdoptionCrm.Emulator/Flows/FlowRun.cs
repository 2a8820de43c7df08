namespace AdoptionCrm.Emulator.Flows;

/// <summary>One run of a scheduled flow: when, how it ended, how many connector calls it made, and the error that stopped it.</summary>
public sealed record FlowRun(string Flow, DateTime ScheduledUtc, string Status, int ConnectorCalls, string? Error, IReadOnlyList<string> Warnings);
