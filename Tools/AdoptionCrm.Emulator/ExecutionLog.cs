namespace AdoptionCrm.Emulator;

/// <summary>One step execution, as plugintracelog and a step audit would record it.</summary>
public sealed record ExecutionLogEntry(
    string Plugin, string Message, string Table, int Stage, int Depth, int Mode,
    string Outcome, string TraceText, string? Error, DateTime AtUtc);

/// <summary>The ordered, thread-safe log of what ran.</summary>
public sealed class ExecutionLog
{
    private readonly List<ExecutionLogEntry> _entries = new();

    public IReadOnlyList<ExecutionLogEntry> Entries { get { lock (_entries) return _entries.ToList(); } }

    internal void Add(ExecutionLogEntry entry) { lock (_entries) _entries.Add(entry); }

    public void Clear() { lock (_entries) _entries.Clear(); }
}
