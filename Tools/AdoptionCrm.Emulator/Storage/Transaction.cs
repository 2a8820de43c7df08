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
    // The pending rows' alternate-key values ((key, composite) → row), kept with every write, so a key check
    // inside a transaction that wrote many rows (a rebuild batch) is one lookup instead of a pass over them all.
    private readonly Dictionary<(string Key, string Composite), Guid> _keyOwners = new();

    /// <summary>The pending rows; write them through <see cref="Put"/> so the key lookup stays right.</summary>
    public Dictionary<Guid, StoredRow?> Writes { get; } = new();
    public List<Guid> Created { get; } = new();

    /// <summary>Stores a pending version of a row (null = deleted) and keeps its alternate-key values.</summary>
    public void Put(TableSchema schema, Guid id, StoredRow? row)
    {
        if (Writes.TryGetValue(id, out var old) && old != null)
            foreach (var key in schema.Keys)
                if (old.KeyComposite(schema, key) is { } before && _keyOwners.TryGetValue(Entry(key, before), out var owner) && owner == id)
                    _keyOwners.Remove(Entry(key, before));
        Writes[id] = row;
        if (row != null)
            foreach (var key in schema.Keys)
                if (row.KeyComposite(schema, key) is { } after) _keyOwners[Entry(key, after)] = id;
    }

    /// <summary>The pending row that holds this alternate-key value, if any.</summary>
    public Guid? KeyOwner(KeyDefinition key, string composite) => _keyOwners.TryGetValue(Entry(key, composite), out var id) ? id : null;

    private static (string, string) Entry(KeyDefinition key, string composite) => (key.LogicalName, composite);
}

/// <summary>One row of an N:N intersect: the relationship and the two ends, as given to Associate.</summary>
public sealed record IntersectLink(string Relationship, string Table1, Guid Id1, string Table2, Guid Id2);
