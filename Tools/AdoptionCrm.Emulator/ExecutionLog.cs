namespace AdoptionCrm.Emulator;

/// <summary>One step execution, as plugintracelog and a step audit would record it.</summary>
public sealed record ExecutionLogEntry(
    string Plugin, string Message, string Table, int Stage, int Depth, int Mode,
    string Outcome, string TraceText, string? Error, DateTime AtUtc)
{
    // Built from the step's tracing service when the step ends: sealed, so lines traced after it change nothing, and
    // only the text is kept (not the service's builder, which is sized for a long trace).
    internal ExecutionLogEntry(string plugin, string message, string table, int stage, int depth, int mode,
        string outcome, Pipeline.CapturingTracingService trace, string? error, DateTime atUtc)
        : this(plugin, message, table, stage, depth, mode, outcome, Sealed(trace), error, atUtc)
    {
    }

    private static string Sealed(Pipeline.CapturingTracingService trace)
    {
        trace.Seal();
        return trace.Text;
    }

    /// <summary>Bytes of the pre- and post-images the step was handed (what the platform ships into the sandbox with it; see <see cref="PayloadSize"/>).</summary>
    public long ImageBytes { get; init; }

    /// <summary>Wall-clock time in the plug-in's Execute, including the service calls it made and the steps those ran.</summary>
    public TimeSpan Elapsed { get; init; }
}

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
    string Request, string? Table, int RowsReturned, long RowsExamined, bool Succeeded)
{
    /// <summary>Bytes of the entities the call handed back (<see cref="PayloadSize"/>).</summary>
    public long BytesRead { get; init; }

    /// <summary>Bytes of the entities the call sent (its Target, or the entities of a batch; <see cref="PayloadSize"/>).</summary>
    public long BytesWritten { get; init; }
}

/// <summary>
/// The ordered, thread-safe log of what ran. Bounded by default (<see cref="EmulatorOptions.ExecutionLogCapacity"/>):
/// it keeps the newest entries of each kind, like a trace log that is trimmed, and counts every entry ever
/// added, so a long replay runs in bounded memory and still reports totals. A test that reads a long history
/// whole sets the capacity to null.
/// </summary>
public sealed class ExecutionLog
{
    private readonly Queue<ExecutionLogEntry> _entries = new();
    private readonly Queue<ServiceCallEntry> _serviceCalls = new();
    private readonly int? _capacity;
    private long _entryCount, _callCount, _rowsExamined, _bytesRead, _bytesWritten, _imageBytes;

    public ExecutionLog(int? capacity = EmulatorOptions.DefaultExecutionLogCapacity)
    {
        if (capacity is <= 0) throw new ArgumentOutOfRangeException(nameof(capacity), "The log capacity must be positive, or null to keep the log whole.");
        _capacity = capacity;
    }

    /// <summary>How many entries of each kind are kept (null: all).</summary>
    public int? Capacity => _capacity;

    public IReadOnlyList<ExecutionLogEntry> Entries { get { lock (_entries) return _entries.ToList(); } }

    /// <summary>Service calls made by plugins (not by the test or tool calling the organization).</summary>
    public IReadOnlyList<ServiceCallEntry> ServiceCalls { get { lock (_serviceCalls) return _serviceCalls.ToList(); } }

    /// <summary>Totals since the organization was created or <see cref="Clear"/> was last called, including entries the bound dropped.</summary>
    public ExecutionLogTotals Totals
    {
        get
        {
            lock (_entries) lock (_serviceCalls)
                return new ExecutionLogTotals(_entryCount, _callCount, _rowsExamined, _bytesRead, _bytesWritten, _imageBytes);
        }
    }

    internal void Add(ExecutionLogEntry entry)
    {
        lock (_entries)
        {
            _entryCount++;
            _imageBytes += entry.ImageBytes;
            Append(_entries, entry);
        }
    }

    internal void Add(ServiceCallEntry entry)
    {
        lock (_serviceCalls)
        {
            _callCount++;
            _rowsExamined += entry.RowsExamined;
            _bytesRead += entry.BytesRead;
            _bytesWritten += entry.BytesWritten;
            Append(_serviceCalls, entry);
        }
    }

    private void Append<T>(Queue<T> queue, T entry)
    {
        if (_capacity is { } cap && queue.Count >= cap) queue.Dequeue();
        queue.Enqueue(entry);
    }

    public void Clear()
    {
        lock (_entries) { _entries.Clear(); _entryCount = 0; _imageBytes = 0; }
        lock (_serviceCalls) { _serviceCalls.Clear(); _callCount = 0; _rowsExamined = 0; _bytesRead = 0; _bytesWritten = 0; }
    }
}

/// <summary>What the log counted: step executions, plugins' service calls and the rows and bytes those read and wrote.</summary>
public sealed record ExecutionLogTotals(long StepExecutions, long ServiceCalls, long RowsExamined, long BytesRead, long BytesWritten, long ImageBytes);
