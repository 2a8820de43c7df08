using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// A condition an index can answer: Equal or In against constants on one table's column. SQL Server
/// seeks on these (an In list is a union of seeks); every other operator needs the row itself.
/// </summary>
public sealed record IndexableCondition(string Column, IReadOnlyCollection<object> Keys)
{
    /// <summary>The seek for <paramref name="condition"/> on table <paramref name="slot"/>, or null when it is not sargable.</summary>
    public static IndexableCondition? For(BoundCondition condition, int slot)
    {
        if (condition.Slot != slot || condition.OtherSlot is not null) return null;
        if (condition.Operator is not (ConditionOperator.Equal or ConditionOperator.In)) return null;
        // A null never equals anything, so "x in (a, null)" needs the evaluator; keep such conditions off the index.
        if (condition.Values.Length == 0 || condition.Values.Any(v => v is null)) return null;
        var keys = condition.Values.Select(v => ValueNormalizer.IndexKey(v, condition.Column)!).ToList();
        return new IndexableCondition(condition.Column.LogicalName, keys);
    }

    /// <summary>
    /// Of the top-level And conditions on <paramref name="slot"/>, the indexed one that reads the fewest
    /// rows (by the source's index statistics), with that row count; null when none is indexed.
    /// </summary>
    public static (IndexableCondition Seek, int Rows)? MostSelective(IQueryDataSource source, string table, BoundFilter filter, int slot)
    {
        if (filter.Operator != LogicalOperator.And) return null;
        (IndexableCondition, int)? best = null;
        foreach (var condition in filter.Conditions)
        {
            if (For(condition, slot) is not { } seek) continue;
            if (source.LookupCount(table, seek.Column, seek.Keys) is not int rows) continue;
            if (best is null || rows < best.Value.Item2) best = (seek, rows);
        }
        return best;
    }
}
