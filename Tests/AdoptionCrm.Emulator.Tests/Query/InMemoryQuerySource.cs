using AdoptionCrm.Emulator.Query;
using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Tests.Query;

/// <summary>
/// A list-backed IQueryDataSource for the query tests. Indexed columns are declared per test; the
/// source counts Scan calls and the rows each index read hands out, so tests can prove an indexed
/// query does not scan and which index it read.
/// </summary>
public sealed class InMemoryQuerySource : IQueryDataSource
{
    private readonly Dictionary<string, TableDefinition> _tables;
    private readonly Dictionary<string, List<Entity>> _rows = new();
    private readonly HashSet<(string Table, string Column)> _indexed = new();
    // The counters are plain dictionaries the tests read; queries may run on several threads at once (a plan-cache
    // test), so they are written under this lock.
    private readonly object _counting = new();

    public InMemoryQuerySource(params TableDefinition[] tables)
    {
        _tables = tables.ToDictionary(t => t.LogicalName);
        foreach (var table in tables) _rows[table.LogicalName] = new List<Entity>();
    }

    public Dictionary<string, int> ScanCount { get; } = new();

    /// <summary>Set, queries of one shape reuse their bound plan (QueryPlanCache); null (the default), each binds afresh.</summary>
    public object? PlanScope { get; set; }

    /// <summary>Whether the source offers the primary key's sorted index (ScanInKeyOrder); off, the engine scans and sorts.</summary>
    public bool KeyOrder { get; set; }

    /// <summary>Rows handed out through the primary key's sorted index, per table.</summary>
    public Dictionary<string, int> KeyOrderRowsRead { get; } = new();

    /// <summary>Rows handed out through each (table, column) index.</summary>
    public Dictionary<(string Table, string Column), int> IndexRowsRead { get; } = new();

    public InMemoryQuerySource Index(string table, string column)
    {
        _indexed.Add((table, column));
        return this;
    }

    public Entity Add(string table, params (string Column, object? Value)[] values) => Add(table, Guid.NewGuid(), values);

    public Entity Add(string table, Guid id, params (string Column, object? Value)[] values)
    {
        var definition = _tables[table];
        var entity = new Entity(table, id);
        entity[definition.PrimaryIdAttribute] = entity.Id;
        foreach (var (column, value) in values) entity[column] = value;
        _rows[table].Add(entity);
        return entity;
    }

    /// <summary>How many times the engine asked for a table's metadata (binding does; a reused plan does not).</summary>
    public int TableLookups => Volatile.Read(ref _tableLookups);
    private int _tableLookups;

    public TableDefinition GetTable(string logicalName) =>
        Interlocked.Increment(ref _tableLookups) > 0 && _tables.TryGetValue(logicalName, out var table)
            ? table
            : throw Faults.Create(ErrorCodes.QueryBuilderNoEntity, $"The entity with a name = '{logicalName}' was not found in the MetadataCache.");

    public IEnumerable<Entity> Scan(string logicalName, IReadOnlyCollection<string>? columns = null)
    {
        lock (_counting) ScanCount[logicalName] = ScanCount.GetValueOrDefault(logicalName) + 1;
        return _rows[logicalName];
    }

    public IEnumerable<Entity>? ScanInKeyOrder(string logicalName, PrimaryKeyRange range, IReadOnlyCollection<string>? columns = null) => KeyOrder ? InKeyOrder(logicalName, range) : null;

    private IEnumerable<Entity> InKeyOrder(string logicalName, PrimaryKeyRange range)
    {
        var rows = _rows[logicalName].Where(e => range.Contains(e.Id));
        foreach (var row in range.Descending ? rows.OrderByDescending(e => e.Id) : rows.OrderBy(e => e.Id))
        {
            lock (_counting) KeyOrderRowsRead[logicalName] = KeyOrderRowsRead.GetValueOrDefault(logicalName) + 1;
            yield return row;
        }
    }

    public IEnumerable<Entity>? Lookup(string logicalName, string column, object value, IReadOnlyCollection<string>? columns = null) => LookupAny(logicalName, column, new[] { value });

    public IEnumerable<Entity>? LookupAny(string logicalName, string column, IReadOnlyCollection<object> values, IReadOnlyCollection<string>? columns = null)
    {
        if (Hits(logicalName, column, values) is not { } hits) return null;
        lock (_counting) IndexRowsRead[(logicalName, column)] = IndexRowsRead.GetValueOrDefault((logicalName, column)) + hits.Count;
        return hits;
    }

    public int? LookupCount(string logicalName, string column, IReadOnlyCollection<object> values) =>
        Hits(logicalName, column, values)?.Count;

    private List<Entity>? Hits(string logicalName, string column, IReadOnlyCollection<object> values) =>
        _indexed.Contains((logicalName, column))
            ? _rows[logicalName].Where(e => e.Attributes.TryGetValue(column, out var v) && values.Any(value => Matches(v, value))).ToList()
            : null;

    private static bool Matches(object? stored, object value) => stored switch
    {
        EntityReference reference => value is Guid id && reference.Id == id,
        string s => value is string t && string.Equals(s, t, StringComparison.OrdinalIgnoreCase),
        OptionSetValue option => value is int i && option.Value == i,
        _ => Equals(stored, value),
    };
}
