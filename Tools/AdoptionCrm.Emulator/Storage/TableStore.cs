using AdoptionCrm.Emulator.Metadata;
using AdoptionCrm.Solution.Model;

namespace AdoptionCrm.Emulator.Storage;

/// <summary>
/// The committed rows of one table with their indexes: primary id (slot map), every lookup column
/// (referenced id → row ids), every alternate key (composite → row id) and, for composite keys, the
/// key's leading column (value → row ids), which SQL Server can seek on just as it seeks a prefix of
/// the key's unique index. Not thread-safe by itself: DataStore guards it with its reader/writer lock.
/// </summary>
internal sealed class TableStore
{
    private readonly Dictionary<Guid, int> _slotById = new();
    private readonly List<StoredRow?> _slots = new();
    private readonly Dictionary<int, Dictionary<Guid, HashSet<Guid>>> _lookupIndexes = new();
    private readonly Dictionary<string, Dictionary<string, Guid>> _keyIndexes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, HashSet<Guid>>> _leadingIndexes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _leadingOrdinals = new(StringComparer.Ordinal);
    private int _holes;

    // The primary id in Guid order, for range reads in key order (a clustered index seek). Kept lazily: ids
    // added since the last sort wait in _unsortedIds and are merged in by the next range read, so inserts
    // stay O(1) and a table nobody reads in key order never pays for it. Removed ids stay in the array until
    // they are a quarter of it (readers skip ids that no longer resolve). Arrays are never changed once
    // published, so a reader may walk one without the store's lock.
    private Guid[] _sortedIds = Array.Empty<Guid>();
    private readonly List<Guid> _unsortedIds = new();
    private readonly object _sortLock = new();
    private int _removedSinceSort;

    public TableStore(TableSchema schema)
    {
        Schema = schema;
        foreach (var ordinal in schema.LookupOrdinals) _lookupIndexes[ordinal] = new Dictionary<Guid, HashSet<Guid>>();
        foreach (var key in schema.Keys) _keyIndexes[key.LogicalName] = new Dictionary<string, Guid>(StringComparer.Ordinal);
        // A lookup leading column already has its lookup index; a one-column key's own index is its leading index.
        foreach (var key in schema.Keys)
            if (key.Columns.Count > 1 && !TableSchema.IsReference(schema.Columns[schema.OrdinalOf(key.Columns[0])].Type))
            {
                _leadingIndexes[key.LogicalName] = new Dictionary<string, HashSet<Guid>>(StringComparer.Ordinal);
                _leadingOrdinals[key.LogicalName] = schema.OrdinalOf(key.Columns[0]);
            }
    }

    public TableSchema Schema { get; }
    public int Count => _slotById.Count;

    public StoredRow? Get(Guid id) => _slotById.TryGetValue(id, out var slot) ? _slots[slot] : null;

    /// <summary>Rows in insertion order (a snapshot, so callers may enumerate without the lock).</summary>
    public List<StoredRow> Snapshot()
    {
        var result = new List<StoredRow>(_slotById.Count);
        foreach (var row in _slots) if (row != null) result.Add(row);
        return result;
    }

    public Guid? FindByKey(string keyName, string composite) =>
        _keyIndexes.TryGetValue(keyName, out var index) && index.TryGetValue(composite, out var id) ? id : null;

    public bool HasLookupIndex(int ordinal) => _lookupIndexes.ContainsKey(ordinal);

    /// <summary>Ids of the rows whose lookup column points at <paramref name="target"/> (unordered).</summary>
    public IReadOnlyCollection<Guid> IdsByLookup(int ordinal, Guid target) =>
        _lookupIndexes[ordinal].TryGetValue(target, out var ids) ? ids : Array.Empty<Guid>();

    /// <summary>Ids of the rows whose key's leading column has the normalized value <paramref name="leading"/> (unordered).</summary>
    public IReadOnlyCollection<Guid> IdsByLeading(KeyDefinition key, string leading)
    {
        if (key.Columns.Count == 1)
            return _keyIndexes[key.LogicalName].TryGetValue(leading, out var id) ? new[] { id } : Array.Empty<Guid>();
        return _leadingIndexes[key.LogicalName].TryGetValue(leading, out var ids) ? ids : Array.Empty<Guid>();
    }

    /// <summary>The committed rows among <paramref name="ids"/> with their slots, in insertion order.</summary>
    public List<(int Slot, StoredRow Row)> InSlotOrder(IEnumerable<Guid> ids)
    {
        var result = new List<(int Slot, StoredRow Row)>();
        foreach (var id in ids)
            if (_slotById.TryGetValue(id, out var slot)) result.Add((slot, _slots[slot]!));
        result.Sort((a, b) => a.Slot.CompareTo(b.Slot));
        return result;
    }

    public int? SlotOf(Guid id) => _slotById.TryGetValue(id, out var slot) ? slot : null;

    public void Put(StoredRow row)
    {
        if (_slotById.TryGetValue(row.Id, out var slot))
        {
            Reindex(_slots[slot]!, row);
            _slots[slot] = row;
            return;
        }
        _slotById[row.Id] = _slots.Count;
        _slots.Add(row);
        _unsortedIds.Add(row.Id);
        Index(row);
    }

    // An update moves only the index entries whose value changed: most writes touch none of a row's lookups or
    // keys, and unindexing then indexing every one of them was most of a commit's work.
    private void Reindex(StoredRow before, StoredRow after)
    {
        foreach (var (ordinal, index) in _lookupIndexes)
        {
            var was = (before.Values[ordinal] as StoredReference)?.Id;
            var now = (after.Values[ordinal] as StoredReference)?.Id;
            if (was == now) continue;
            if (was is { } old) RemoveFrom(index, old, before.Id);
            if (now is { } target) AddTo(index, target, after.Id);
        }
        foreach (var key in Schema.Keys)
        {
            if (!KeyColumnsChanged(key, before, after)) continue;
            RemoveKey(key, before);
            AddKey(key, after);
        }
        foreach (var (keyName, index) in _leadingIndexes)
        {
            // The same stored value normalizes alike: compare before normalizing (a text key upper-cases a copy).
            var ordinal = _leadingOrdinals[keyName];
            if (Equals(before.Values[ordinal], after.Values[ordinal])) continue;
            var was = LeadingValue(keyName, before);
            var now = LeadingValue(keyName, after);
            if (string.Equals(was, now, StringComparison.Ordinal)) continue;
            if (was != null) RemoveFrom(index, was, before.Id);
            if (now != null) AddTo(index, now, after.Id);
        }
    }

    private bool KeyColumnsChanged(KeyDefinition key, StoredRow before, StoredRow after)
    {
        foreach (var column in key.Columns)
        {
            var ordinal = Schema.OrdinalOf(column);
            if (!Equals(before.Values[ordinal], after.Values[ordinal])) return true;
        }
        return false;
    }

    /// <summary>
    /// The committed primary ids in Guid order (<see cref="Guid.CompareTo(Guid)"/>, the order the query engine
    /// sorts by), possibly with ids removed since (check <see cref="Get"/>). Called under the store's read
    /// lock, which keeps writers out; the sort lock keeps two readers from merging at once.
    /// </summary>
    public Guid[] SortedIds()
    {
        lock (_sortLock)
        {
            if (_unsortedIds.Count == 0 && _removedSinceSort * 4 <= _sortedIds.Length) return _sortedIds;
            var added = _unsortedIds.ToArray();
            Array.Sort(added);
            var merged = new Guid[_sortedIds.Length + added.Length];
            int i = 0, j = 0, n = 0;
            while (i < _sortedIds.Length || j < added.Length)
            {
                Guid next;
                if (j == added.Length || i < _sortedIds.Length && _sortedIds[i].CompareTo(added[j]) <= 0) next = _sortedIds[i++];
                else next = added[j++];
                // An id removed and added again is in both; a removed one is dropped here.
                if (n > 0 && merged[n - 1] == next || !_slotById.ContainsKey(next)) continue;
                merged[n++] = next;
            }
            Array.Resize(ref merged, n);
            _sortedIds = merged;
            _unsortedIds.Clear();
            _removedSinceSort = 0;
            return _sortedIds;
        }
    }

    public void Remove(Guid id)
    {
        if (!_slotById.Remove(id, out var slot)) return;
        Unindex(_slots[slot]!);
        _slots[slot] = null;
        _removedSinceSort++;
        if (++_holes > 1024 && _holes > _slots.Count / 2) Compact();
    }

    private void Index(StoredRow row)
    {
        foreach (var (ordinal, index) in _lookupIndexes)
            if (row.Values[ordinal] is StoredReference r) AddTo(index, r.Id, row.Id);
        foreach (var key in Schema.Keys) AddKey(key, row);
        foreach (var (keyName, index) in _leadingIndexes)
            if (LeadingValue(keyName, row) is string leading) AddTo(index, leading, row.Id);
    }

    private string? LeadingValue(string keyName, StoredRow row)
    {
        return row.Values[_leadingOrdinals[keyName]] is { } value ? KeyValues.Normalize(value) : null;
    }

    private void Unindex(StoredRow row)
    {
        foreach (var (ordinal, index) in _lookupIndexes)
            if (row.Values[ordinal] is StoredReference r) RemoveFrom(index, r.Id, row.Id);
        foreach (var key in Schema.Keys) RemoveKey(key, row);
        foreach (var (keyName, index) in _leadingIndexes)
            if (LeadingValue(keyName, row) is string leading) RemoveFrom(index, leading, row.Id);
    }

    private void AddKey(KeyDefinition key, StoredRow row)
    {
        var composite = row.KeyComposite(Schema, key);
        if (composite != null) _keyIndexes[key.LogicalName][composite] = row.Id;
    }

    // Only the row's own entry: a key another row holds stays with it.
    private void RemoveKey(KeyDefinition key, StoredRow row)
    {
        var composite = row.KeyComposite(Schema, key);
        var index = _keyIndexes[key.LogicalName];
        if (composite != null && index.TryGetValue(composite, out var owner) && owner == row.Id) index.Remove(composite);
    }

    private static void AddTo<T>(Dictionary<T, HashSet<Guid>> index, T value, Guid id) where T : notnull
    {
        if (!index.TryGetValue(value, out var ids)) index[value] = ids = new HashSet<Guid>();
        ids.Add(id);
    }

    private static void RemoveFrom<T>(Dictionary<T, HashSet<Guid>> index, T value, Guid id) where T : notnull
    {
        if (!index.TryGetValue(value, out var ids)) return;
        ids.Remove(id);
        if (ids.Count == 0) index.Remove(value);
    }

    // Deleted rows leave holes so slots stay stable; squeeze them out once they dominate.
    private void Compact()
    {
        var live = _slots.Where(r => r != null).ToList();
        _slots.Clear();
        _slotById.Clear();
        foreach (var row in live) { _slotById[row!.Id] = _slots.Count; _slots.Add(row); }
        _holes = 0;
    }
}
