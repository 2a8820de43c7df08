using AdoptionCrm.Emulator.Metadata;
using AdoptionCrm.Solution.Model;

namespace AdoptionCrm.Emulator.Storage;

/// <summary>
/// All rows of the organization. Committed state sits behind one reader/writer lock; each request
/// writes into its Transaction's overlay and publishes it on Commit, so a rollback is just dropping
/// the overlay. Reads through a transaction see its own uncommitted writes and others' committed ones.
/// </summary>
public sealed class DataStore
{
    private readonly Dictionary<string, TableStore> _tables = new(StringComparer.Ordinal);
    private readonly HashSet<IntersectLink> _links = new();
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.SupportsRecursion);
    private long _version;

    public DataStore(MetadataCatalog catalog)
    {
        Catalog = catalog;
        foreach (var schema in catalog.Tables) _tables[schema.LogicalName] = new TableStore(schema);
    }

    public MetadataCatalog Catalog { get; }
    internal RowLockManager Locks { get; } = new();

    /// <summary>The next row version (versionnumber/RowVersion): one global, increasing counter.</summary>
    public long NextVersion() => Interlocked.Increment(ref _version);

    /// <summary>EmulatorOptions.RowVersionIsVersionNumberText: whether a row's RowVersion is its versionnumber as text.</summary>
    public bool RowVersionIsVersionNumberText { get; set; } = true;

    /// <summary>
    /// The RowVersion the service hands out (Entity.RowVersion) and accepts (IfRowVersionMatches) for a row version:
    /// the versionnumber as text, or, with the switch off, an opaque token that no versionnumber value spells.
    /// </summary>
    public string RowVersionText(long version) => RowVersionIsVersionNumberText
        ? version.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : "0x" + version.ToString("X16", System.Globalization.CultureInfo.InvariantCulture);

    public int CommittedCount(string table) => Read(() => _tables[table].Count);

    public StoredRow? Get(Transaction? txn, string table, Guid id)
    {
        if (txn != null && txn.Overlays.TryGetValue(table, out var overlay) && overlay.Writes.TryGetValue(id, out var pending)) return pending;
        var name = Catalog.Get(table).LogicalName;
        // The most frequent read of all: locked by hand rather than through Read's closure.
        _lock.EnterReadLock();
        try { return _tables[name].Get(id); }
        finally { _lock.ExitReadLock(); }
    }

    public void Insert(Transaction txn, TableSchema schema, StoredRow row)
    {
        if (Get(txn, schema.LogicalName, row.Id) != null)
            throw Faults.Create(ErrorCodes.DuplicateRecord, $"Cannot insert duplicate key: a {schema.LogicalName} with id {row.Id} already exists.");
        CheckKeys(txn, schema, row);
        var overlay = txn.Overlay(schema.LogicalName);
        overlay.Put(schema, row.Id, row);
        overlay.Created.Add(row.Id);
    }

    /// <summary>Stores a new version of an existing row; the caller holds its write lock.</summary>
    public void Replace(Transaction txn, TableSchema schema, StoredRow row)
    {
        CheckKeys(txn, schema, row);
        txn.Overlay(schema.LogicalName).Put(schema, row.Id, row);
    }

    public void Remove(Transaction txn, TableSchema schema, Guid id) => txn.Overlay(schema.LogicalName).Put(schema, id, null);

    public void Link(Transaction txn, IntersectLink link, bool add) => txn.LinkChanges.Add((link, add));

    public bool IsLinked(Transaction? txn, IntersectLink link)
    {
        var linked = Read(() => _links.Contains(link));
        if (txn != null) foreach (var (l, added) in txn.LinkChanges) if (l == link) linked = added;
        return linked;
    }

    public Guid? FindByKey(Transaction? txn, TableSchema schema, KeyDefinition key, string composite)
    {
        if (txn != null && txn.Overlays.TryGetValue(schema.LogicalName, out var overlay) && overlay.KeyOwner(key, composite) is Guid pending) return pending;
        var committed = Read(() => _tables[schema.LogicalName].FindByKey(key.LogicalName, composite));
        if (committed is Guid found && txn != null && txn.Overlays.TryGetValue(schema.LogicalName, out overlay) && overlay.Writes.ContainsKey(found))
            return null; // this transaction changed or deleted that row; the overlay pass above already decided
        return committed;
    }

    /// <summary>Every row as the transaction sees it, committed ones in insertion order, then its own creations.</summary>
    public IEnumerable<StoredRow> Scan(Transaction? txn, TableSchema schema)
    {
        var committed = Read(() => _tables[schema.LogicalName].Snapshot());
        return Merge(txn, schema, committed);
    }

    /// <summary>
    /// Rows whose primary id lies in <paramref name="range"/>, in primary id order, as the transaction sees
    /// them (its pending versions, not its deleted rows, its creations merged in by id): a clustered index
    /// seek, so reading the next page after an id costs the page, not the table. Rows are resolved a chunk at a
    /// time under the read lock, so a reader that stops early reads only what it used; like SQL Server's read
    /// committed, a row committed by another request meanwhile may show its newer version.
    /// </summary>
    public IEnumerable<StoredRow> ScanInKeyOrder(Transaction? txn, TableSchema schema, Query.PrimaryKeyRange range)
    {
        var store = _tables[schema.LogicalName];
        var ids = Read(store.SortedIds);
        TableOverlay? overlay = null;
        if (txn != null) txn.Overlays.TryGetValue(schema.LogicalName, out overlay);
        var created = new List<Guid>();
        if (overlay != null)
            foreach (var id in overlay.Created)
                if (range.Contains(id) && overlay.Writes.TryGetValue(id, out var row) && row != null) created.Add(id);
        created.Sort();
        if (range.Descending) created.Reverse();

        var (from, to) = range.Bounds(ids);
        const int Chunk = 256;
        var next = range.Descending ? to - 1 : from;
        var c = 0;
        var buffer = new List<StoredRow>(Chunk);
        while (range.Descending ? next >= from : next < to)
        {
            buffer.Clear();
            Read(() =>
            {
                for (var k = 0; k < Chunk && (range.Descending ? next >= from : next < to); k++, next += range.Descending ? -1 : 1)
                    if (store.Get(ids[next]) is { } committed) buffer.Add(committed);
                return 0;
            });
            foreach (var committed in buffer)
            {
                // This transaction's creations that sort before the committed row come first.
                while (c < created.Count && range.Before(created[c], committed.Id)) yield return overlay!.Writes[created[c++]]!;
                if (c < created.Count && created[c] == committed.Id) c++; // created and committed meanwhile: once
                if (overlay == null || !overlay.Writes.TryGetValue(committed.Id, out var pending)) yield return committed;
                else if (pending != null) yield return pending;
            }
        }
        while (c < created.Count) yield return overlay!.Writes[created[c++]]!;
    }

    /// <summary>
    /// Rows whose <paramref name="column"/> holds one of <paramref name="values"/>, read through an index
    /// (see <see cref="IndexSeek"/>) as the transaction sees them: committed rows in insertion order
    /// (including ones this transaction changed so that they now match), then its own creations.
    /// Null when the column has no index.
    /// </summary>
    public IReadOnlyList<StoredRow>? Seek(Transaction? txn, TableSchema schema, string column, IReadOnlyCollection<object> values)
    {
        // One primary id (a link to a parent row, a lookup's name): the row this transaction sees, without an index walk.
        if (values.Count == 1 && column == schema.PrimaryIdAttribute && values.First() is Guid onlyId)
            return Get(txn, schema.LogicalName, onlyId) is { } only ? new[] { only } : Array.Empty<StoredRow>();
        var seek = IndexSeek.For(schema, column, values);
        if (seek == null) return null;
        var store = _tables[schema.LogicalName];
        TableOverlay? overlay = null;
        if (txn == null || !txn.Overlays.TryGetValue(schema.LogicalName, out overlay))
            return Read(() => RowsOf(store.InSlotOrder(seek.CommittedIds(store))));
        var rows = Read(() =>
        {
            var hits = store.InSlotOrder(seek.CommittedIds(store));
            var seen = new HashSet<Guid>(hits.Select(h => h.Row.Id));
            var visible = new List<(int Slot, StoredRow Row)>(hits.Count);
            foreach (var (slot, row) in hits)
            {
                if (!overlay.Writes.TryGetValue(row.Id, out var pending)) visible.Add((slot, row));
                else if (pending != null && seek.Matches(pending)) visible.Add((slot, pending));
            }
            // The committed index still files a row this transaction updated under its old value.
            foreach (var (id, pending) in overlay.Writes)
                if (pending != null && !seen.Contains(id) && store.SlotOf(id) is int slot && seek.Matches(pending)) visible.Add((slot, pending));
            visible.Sort((a, b) => a.Slot.CompareTo(b.Slot));
            return visible.Select(v => v.Row).ToList();
        });
        foreach (var id in overlay.Created)
            if (overlay.Writes.TryGetValue(id, out var created) && created != null && seek.Matches(created)) rows.Add(created);
        return rows;
    }

    private static List<StoredRow> RowsOf(List<(int Slot, StoredRow Row)> hits)
    {
        var rows = new List<StoredRow>(hits.Count);
        foreach (var hit in hits) rows.Add(hit.Row);
        return rows;
    }

    /// <summary>
    /// How many rows <see cref="Seek"/> would return, from the committed index plus this transaction's
    /// pending rows that match (an upper bound, as index statistics are an estimate); null when not indexed.
    /// </summary>
    public int? SeekCount(Transaction? txn, TableSchema schema, string column, IReadOnlyCollection<object> values)
    {
        // One primary id (a link to a parent row, a lookup's name): the row this transaction sees, without an index walk.
        if (values.Count == 1 && column == schema.PrimaryIdAttribute && values.First() is Guid onlyId)
            return Get(txn, schema.LogicalName, onlyId) is null ? 0 : 1;
        var seek = IndexSeek.For(schema, column, values);
        if (seek == null) return null;
        var store = _tables[schema.LogicalName];
        var count = Read(() => seek.CommittedIds(store).Count());
        if (txn != null && txn.Overlays.TryGetValue(schema.LogicalName, out var overlay))
            count += overlay.Writes.Values.Count(row => row != null && seek.Matches(row));
        return count;
    }

    private static IEnumerable<StoredRow> Merge(Transaction? txn, TableSchema schema, List<StoredRow> committed)
    {
        TableOverlay? overlay = null;
        if (txn == null || !txn.Overlays.TryGetValue(schema.LogicalName, out overlay))
        {
            foreach (var row in committed) yield return row;
            yield break;
        }
        foreach (var row in committed)
        {
            if (!overlay.Writes.TryGetValue(row.Id, out var pending)) { yield return row; continue; }
            if (pending != null) yield return pending;
        }
        foreach (var id in overlay.Created)
            if (overlay.Writes.TryGetValue(id, out var created) && created != null) yield return created;
    }

    /// <summary>
    /// Publishes the overlay. Keys are checked again under the write lock because another transaction
    /// may have committed the same key since this one wrote it, as a SQL unique index would refuse.
    /// </summary>
    public void Commit(Transaction txn)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var (table, overlay) in txn.Overlays)
            {
                var store = _tables[table];
                foreach (var id in overlay.Created)
                    if (store.Get(id) != null)
                        throw Faults.Create(ErrorCodes.DuplicateRecord, $"Cannot insert duplicate key: a {table} with id {id} already exists.");
                foreach (var row in overlay.Writes.Values)
                    if (row != null) CheckCommittedKeys(store, row, overlay);
            }
            foreach (var (table, overlay) in txn.Overlays)
            {
                var store = _tables[table];
                foreach (var (id, row) in overlay.Writes)
                    if (row == null) store.Remove(id); else store.Put(row);
            }
            foreach (var (link, added) in txn.LinkChanges)
                if (added) _links.Add(link); else _links.Remove(link);
        }
        finally { _lock.ExitWriteLock(); }
    }

    private void CheckKeys(Transaction txn, TableSchema schema, StoredRow row)
    {
        foreach (var key in schema.Keys)
        {
            var composite = row.KeyComposite(schema, key);
            if (composite == null) continue;
            var owner = FindByKey(txn, schema, key, composite);
            if (owner is Guid other && other != row.Id) throw DuplicateKey(schema, key, row);
        }
    }

    private static void CheckCommittedKeys(TableStore store, StoredRow row, TableOverlay overlay)
    {
        foreach (var key in store.Schema.Keys)
        {
            var composite = row.KeyComposite(store.Schema, key);
            if (composite == null) continue;
            if (store.FindByKey(key.LogicalName, composite) is Guid other && other != row.Id && !overlay.Writes.ContainsKey(other))
                throw DuplicateKey(store.Schema, key, row);
        }
    }

    private static Exception DuplicateKey(TableSchema schema, KeyDefinition key, StoredRow row)
    {
        var values = string.Join(",", key.Columns.Select(c => row.Values[schema.OrdinalOf(c)]));
        return Faults.Create(ErrorCodes.DuplicateRecordEntityKey,
            $"A record that has the attribute values {values} already exists. The entity key {key.LogicalName} requires that this set of attributes contains unique values. Select unique values and try again.");
    }

    private T Read<T>(Func<T> read)
    {
        _lock.EnterReadLock();
        try { return read(); }
        finally { _lock.ExitReadLock(); }
    }
}
