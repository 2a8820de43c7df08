using AdoptionCrm.Emulator.Metadata;

namespace AdoptionCrm.Emulator.Storage;

/// <summary>
/// The committed rows of one table with their indexes: primary id (slot map), every lookup column
/// (referenced id → row ids) and every alternate key (composite → row id). Not thread-safe by
/// itself: DataStore guards it with its reader/writer lock.
/// </summary>
internal sealed class TableStore
{
    private readonly Dictionary<Guid, int> _slotById = new();
    private readonly List<StoredRow?> _slots = new();
    private readonly Dictionary<int, Dictionary<Guid, HashSet<Guid>>> _lookupIndexes = new();
    private readonly Dictionary<string, Dictionary<string, Guid>> _keyIndexes = new(StringComparer.Ordinal);
    private int _holes;

    public TableStore(TableSchema schema)
    {
        Schema = schema;
        foreach (var ordinal in schema.LookupOrdinals) _lookupIndexes[ordinal] = new Dictionary<Guid, HashSet<Guid>>();
        foreach (var key in schema.Keys) _keyIndexes[key.LogicalName] = new Dictionary<string, Guid>(StringComparer.Ordinal);
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

    /// <summary>Rows whose lookup column points at <paramref name="target"/>, in insertion order.</summary>
    public List<StoredRow> ByLookup(int ordinal, Guid target)
    {
        var result = new List<StoredRow>();
        if (!_lookupIndexes[ordinal].TryGetValue(target, out var ids)) return result;
        var slots = ids.Select(id => _slotById[id]).ToList();
        slots.Sort();
        foreach (var slot in slots) result.Add(_slots[slot]!);
        return result;
    }

    public void Put(StoredRow row)
    {
        if (_slotById.TryGetValue(row.Id, out var slot))
        {
            Unindex(_slots[slot]!);
            _slots[slot] = row;
        }
        else
        {
            _slotById[row.Id] = _slots.Count;
            _slots.Add(row);
        }
        Index(row);
    }

    public void Remove(Guid id)
    {
        if (!_slotById.Remove(id, out var slot)) return;
        Unindex(_slots[slot]!);
        _slots[slot] = null;
        if (++_holes > 1024 && _holes > _slots.Count / 2) Compact();
    }

    private void Index(StoredRow row)
    {
        foreach (var (ordinal, index) in _lookupIndexes)
            if (row.Values[ordinal] is StoredReference r)
            {
                if (!index.TryGetValue(r.Id, out var ids)) index[r.Id] = ids = new HashSet<Guid>();
                ids.Add(row.Id);
            }
        foreach (var key in Schema.Keys)
        {
            var composite = KeyValues.Compose(Schema, key, o => row.Values[o]);
            if (composite != null) _keyIndexes[key.LogicalName][composite] = row.Id;
        }
    }

    private void Unindex(StoredRow row)
    {
        foreach (var (ordinal, index) in _lookupIndexes)
            if (row.Values[ordinal] is StoredReference r && index.TryGetValue(r.Id, out var ids))
            {
                ids.Remove(row.Id);
                if (ids.Count == 0) index.Remove(r.Id);
            }
        foreach (var key in Schema.Keys)
        {
            var composite = KeyValues.Compose(Schema, key, o => row.Values[o]);
            if (composite != null && _keyIndexes[key.LogicalName].TryGetValue(composite, out var owner) && owner == row.Id)
                _keyIndexes[key.LogicalName].Remove(composite);
        }
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
