namespace AdoptionCrm.Emulator;

/// <summary>One step execution, as plugintracelog and a step audit would record it.</summary>
public sealed record ExecutionLogEntry(
    string Plugin, string Message, string Table, int Stage, int Depth, int Mode,
    string Outcome, string TraceText, string? Error, DateTime AtUtc);

/// <summary>
/// One IOrganizationService call made by a running step: what the per-create call budget is measured
/// with. CorrelationId groups every call made under one top-level request; RowsReturned counts the
/// rows the call handed back (1 for Retrieve, the page size for RetrieveMultiple, 0 otherwise);
/// RowsExamined counts the rows it read to find them (scanned or fetched through an index, before
/// filtering: 1 for a Retrieve by id, the query engine's count for a query; see RowsExaminedTally),
/// so a scan shows up as the table's size however few rows it returns.
/// </summary>
public sealed record ServiceCallEntry(
    Guid CorrelationId, string CallerMessage, string CallerTable, int CallerStage, int Depth,
    string Request, string? Table, int RowsReturned, long RowsExamined, bool Succeeded);

/// <summary>The ordered, thread-safe log of what ran.</summary>
public sealed class ExecutionLog
{
    private readonly List<ExecutionLogEntry> _entries = new();
    private readonly List<ServiceCallEntry> _serviceCalls = new();

    public IReadOnlyList<ExecutionLogEntry> Entries { get { lock (_entries) return _entries.ToList(); } }

    /// <summary>Service calls made by plugins (not by the test or tool calling the organization).</summary>
    public IReadOnlyList<ServiceCallEntry> ServiceCalls { get { lock (_serviceCalls) return _serviceCalls.ToList(); } }

    internal void Add(ExecutionLogEntry entry) { lock (_entries) _entries.Add(entry); }

    internal void Add(ServiceCallEntry entry) { lock (_serviceCalls) _serviceCalls.Add(entry); }

    public void Clear()
    {
        lock (_entries) _entries.Clear();
        lock (_serviceCalls) _serviceCalls.Clear();
    }
}
