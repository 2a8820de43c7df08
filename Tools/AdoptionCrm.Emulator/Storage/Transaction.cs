namespace AdoptionCrm.Emulator.Storage;

/// <summary>
/// One top-level request's unit of work: its uncommitted row versions (copy-on-write overlay over the
/// committed store), the N:N links it added or removed, the row locks it holds and the async work
/// it will queue on commit. Used by one thread at a time (the request's), so it needs no locking.
/// </summary>
public sealed class Transaction
{
    private static long _nextId;

    internal Dictionary<string, TableOverlay> Overlays { get; } = new(StringComparer.Ordinal);
    internal List<(IntersectLink Link, bool Added)> LinkChanges { get; } = new();
    internal HashSet<(string Table, Guid Id)> Locks { get; } = new();
    internal List<Action> OnCommit { get; } = new();

    public long Id { get; } = Interlocked.Increment(ref _nextId);

    /// <summary>Set when a nested call failed: the request can no longer commit, even if the plugin swallowed it.</summary>
    public Exception? DoomedBy { get; internal set; }

    public bool IsFinished { get; internal set; }

    internal TableOverlay Overlay(string table)
    {
        if (!Overlays.TryGetValue(table, out var overlay)) Overlays[table] = overlay = new TableOverlay();
        return overlay;
    }
}

/// <summary>A transaction's pending versions of one table's rows; null = deleted.</summary>
internal sealed class TableOverlay
{
    public Dictionary<Guid, StoredRow?> Writes { get; } = new();
    public List<Guid> Created { get; } = new();
}

/// <summary>One row of an N:N intersect: the relationship and the two ends, as given to Associate.</summary>
public sealed record IntersectLink(string Relationship, string Table1, Guid Id1, string Table2, Guid Id2);
