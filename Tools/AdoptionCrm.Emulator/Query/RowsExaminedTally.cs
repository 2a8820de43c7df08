namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// Adds up the rows examined by every query run while it is current, so a plugin's service call can
/// be logged with the rows it read (ExecutionLog.ServiceCalls). Scopes nest: a nested plugin's own
/// service call opens its own tally and its rows are logged with that call, not added to the outer one,
/// so summing the log counts each read once.
/// </summary>
public sealed class RowsExaminedTally : IDisposable
{
    private static readonly AsyncLocal<RowsExaminedTally?> CurrentTally = new();
    private readonly RowsExaminedTally? _outer;
    private long _rows;

    private RowsExaminedTally(RowsExaminedTally? outer) => _outer = outer;

    public long Rows => Interlocked.Read(ref _rows);

    /// <summary>Makes a new tally current until it is disposed.</summary>
    public static RowsExaminedTally Start()
    {
        var tally = new RowsExaminedTally(CurrentTally.Value);
        CurrentTally.Value = tally;
        return tally;
    }

    /// <summary>Adds to the current tally; no-op outside one (a call made by a test or tool, not a plugin).</summary>
    public static void Add(long rows)
    {
        if (CurrentTally.Value is { } tally) Interlocked.Add(ref tally._rows, rows);
    }

    public void Dispose()
    {
        if (CurrentTally.Value == this) CurrentTally.Value = _outer;
    }
}
