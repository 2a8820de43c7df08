using AdoptionCrm.Emulator.Metadata;
using AdoptionCrm.Solution.Model;

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
    // Which pending row holds each alternate-key value ("key name" + U+0001 + composite), kept with every
    // write so a key check inside a big transaction (a rebuild writing thousands of rows) is one lookup.
    private readonly Dictionary<string, Guid> _keyOwners = new(StringComparer.Ordinal);

    public Dictionary<Guid, StoredRow?> Writes { get; } = new();
    public List<Guid> Created { get; } = new();

    /// <summary>Records the pending version of a row (null = deleted).</summary>
    public void Set(TableSchema schema, Guid id, StoredRow? row)
    {
        if (schema.Keys.Count > 0 && Writes.TryGetValue(id, out var previous) && previous != null)
            foreach (var key in schema.Keys)
                if (KeyValues.Compose(schema, key, o => previous.Values[o]) is { } old) _keyOwners.Remove(KeyOf(key, old));
        Writes[id] = row;
        if (row != null)
            foreach (var key in schema.Keys)
                if (KeyValues.Compose(schema, key, o => row.Values[o]) is { } value) _keyOwners[KeyOf(key, value)] = id;
    }

    /// <summary>The pending row whose alternate key <paramref name="key"/> has the value <paramref name="composite"/>, if any.</summary>
    public Guid? OwnerOf(KeyDefinition key, string composite) => _keyOwners.TryGetValue(KeyOf(key, composite), out var id) ? id : null;

    private static string KeyOf(KeyDefinition key, string composite) => key.LogicalName + "\u0001" + composite;
}

/// <summary>One row of an N:N intersect: the relationship and the two ends, as given to Associate.</summary>
public sealed record IntersectLink(string Relationship, string Table1, Guid Id1, string Table2, Guid Id2);
