using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// What the query engine reads: table metadata and rows, as seen by the current request (a
/// transaction sees its own uncommitted writes). Rows are stored Entities holding SDK value types
/// (string, int, decimal, double, bool, DateTime (UTC), Guid, OptionSetValue, EntityReference,
/// Money). The engine must never mutate or hand out a stored row: it copies what it returns.
/// </summary>
public interface IQueryDataSource
{
    /// <summary>The table's metadata; throws the Dataverse fault for an unknown table.</summary>
    TableDefinition GetTable(string logicalName);

    /// <summary>Every row of the table, in insertion order.</summary>
    /// <remarks>
    /// Every read takes <c>columns</c>: the columns the engine will read from the rows (null: all). A source
    /// may leave the others out (the emulator's store does, so a narrow query copies only what it reads) or
    /// return them anyway.
    /// </remarks>
    IEnumerable<Entity> Scan(string logicalName, IReadOnlyCollection<string>? columns = null);

    /// <summary>
    /// Rows whose <paramref name="column"/> equals <paramref name="value"/> (a Guid for lookups,
    /// the raw value otherwise; strings compare case-insensitively) through an index, in insertion
    /// order; null when that column has no index, so the caller falls back to <see cref="Scan"/>.
    /// </summary>
    IEnumerable<Entity>? Lookup(string logicalName, string column, object value, IReadOnlyCollection<string>? columns = null);

    /// <summary>
    /// Rows whose <paramref name="column"/> equals any of <paramref name="values"/> (an In list) through
    /// the same index, each row once, in insertion order; null when that column has no index.
    /// </summary>
    IEnumerable<Entity>? LookupAny(string logicalName, string column, IReadOnlyCollection<object> values, IReadOnlyCollection<string>? columns = null);

    /// <summary>
    /// How many rows <see cref="LookupAny"/> would return, without reading them (an index statistic, so
    /// the engine can pick the more selective index); null when that column has no index.
    /// </summary>
    int? LookupCount(string logicalName, string column, IReadOnlyCollection<object> values);

    /// <summary>
    /// The rows whose primary id lies in <paramref name="range"/>, in primary id order (Guid order, as the
    /// engine sorts ids), read lazily through a sorted index on the primary key, so a caller that stops after a
    /// page reads about a page; null when the source has no such index (the engine then scans and sorts).
    /// </summary>
    IEnumerable<Entity>? ScanInKeyOrder(string logicalName, PrimaryKeyRange range, IReadOnlyCollection<string>? columns = null) => null;

    /// <summary>
    /// The primary name of the row of <paramref name="logicalName"/> with <paramref name="id"/> (what fills
    /// EntityReference.Name in a result; null when the row has none); false, reading nothing, when the table has no
    /// primary name, and false when the row is gone. True is one row examined. A source may read the name without
    /// making an Entity (the emulator's store does).
    /// </summary>
    bool TryReadPrimaryName(string logicalName, Guid id, out string? name)
    {
        name = null;
        var table = GetTable(logicalName);
        if (string.IsNullOrEmpty(table.PrimaryNameAttribute)) return false;
        var nameOnly = new[] { table.PrimaryIdAttribute, table.PrimaryNameAttribute };
        var rows = Lookup(table.LogicalName, table.PrimaryIdAttribute, id, nameOnly)
            ?? Scan(table.LogicalName, nameOnly).Where(e => e.Id == id);
        if (rows.FirstOrDefault() is not { } row) return false;
        name = row.GetAttributeValue<object>(table.PrimaryNameAttribute) as string;
        return true;
    }

    /// <summary>
    /// What the source's metadata belongs to: queries of one shape bind alike under one scope, so the engine may reuse
    /// their bound plan (<see cref="QueryPlanCache"/>); null, every query is bound afresh. The metadata must not change
    /// under a scope.
    /// </summary>
    object? PlanScope => null;
}

/// <summary>Who runs a query and when: eq-userid and the date operators need these.</summary>
public sealed record QueryContext(Guid CallerId, DateTime UtcNow);
