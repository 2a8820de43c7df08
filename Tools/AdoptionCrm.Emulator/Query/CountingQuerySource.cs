using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// Counts the rows the engine reads from its source, scanned or fetched through an index, before any
/// filtering: the "rows examined" of a query plan, which is what an index choice changes. Counting as
/// rows are enumerated means a read that stops early (a name lookup's first row) counts only what it read.
/// </summary>
internal sealed class CountingQuerySource : IQueryDataSource
{
    private readonly IQueryDataSource _inner;

    public CountingQuerySource(IQueryDataSource inner) => _inner = inner;

    public long RowsExamined { get; private set; }

    public TableDefinition GetTable(string logicalName) => _inner.GetTable(logicalName);

    public object? PlanScope => _inner.PlanScope;

    public IEnumerable<Entity> Scan(string logicalName, IReadOnlyCollection<string>? columns = null) => Count(_inner.Scan(logicalName, columns));

    public IEnumerable<Entity>? Lookup(string logicalName, string column, object value, IReadOnlyCollection<string>? columns = null) =>
        _inner.Lookup(logicalName, column, value, columns) is { } rows ? Count(rows) : null;

    public IEnumerable<Entity>? LookupAny(string logicalName, string column, IReadOnlyCollection<object> values, IReadOnlyCollection<string>? columns = null) =>
        _inner.LookupAny(logicalName, column, values, columns) is { } rows ? Count(rows) : null;

    public IEnumerable<Entity>? ScanInKeyOrder(string logicalName, PrimaryKeyRange range, IReadOnlyCollection<string>? columns = null) =>
        _inner.ScanInKeyOrder(logicalName, range, columns) is { } rows ? Count(rows) : null;

    public bool TryReadPrimaryName(string logicalName, Guid id, out string? name)
    {
        if (!_inner.TryReadPrimaryName(logicalName, id, out name)) return false;
        RowsExamined++;
        return true;
    }

    // Index statistics read no rows.
    public int? LookupCount(string logicalName, string column, IReadOnlyCollection<object> values) =>
        _inner.LookupCount(logicalName, column, values);

    private IEnumerable<Entity> Count(IEnumerable<Entity> rows)
    {
        foreach (var row in rows)
        {
            RowsExamined++;
            yield return row;
        }
    }
}
