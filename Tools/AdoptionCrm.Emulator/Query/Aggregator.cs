using System.Globalization;
using AdoptionCrm.Emulator.Query.Model;
using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// FetchXML aggregate="true": groups the joined rows and computes count, countcolumn (optionally
/// distinct), sum, avg, min and max, each returned as an AliasedValue under its alias. Nulls are
/// ignored, as in SQL. More input rows than the limit (50,000 or a lower aggregatelimit) is the
/// platform's AggregateQueryRecordLimit fault.
/// </summary>
public static class Aggregator
{
    public const int MaxAggregateRows = 50_000;

    public static List<Entity> Run(BoundQuery query, List<Entity?[]> rows)
    {
        var limit = Math.Min(query.Spec.AggregateLimit ?? MaxAggregateRows, MaxAggregateRows);
        if (rows.Count > limit)
            throw Faults.Create(ErrorCodes.AggregateQueryRecordLimitExceeded, "AggregateQueryRecordLimit exceeded. Cannot perform this operation.");

        foreach (var column in query.Columns)
        {
            if (column.Spec.Aggregate == AggregateFunction.None && !column.Spec.GroupBy)
                throw Faults.Create(ErrorCodes.InvalidArgument,
                    $"Attribute '{column.Column.LogicalName}' in an aggregate query needs an aggregate or groupby.");
            if (string.IsNullOrEmpty(column.Spec.Alias))
                throw Faults.Create(ErrorCodes.InvalidArgument,
                    $"Attribute '{column.Column.LogicalName}' in an aggregate query needs an alias.");
        }
        var groupColumns = query.Columns.Where(c => c.Spec.GroupBy).ToList();
        var groups = new Dictionary<string, List<Entity?[]>>();
        var order = new List<string>();
        foreach (var row in rows)
        {
            var key = string.Join("\u001f", groupColumns.Select(c => KeyText(GroupValue(row, c))));
            if (!groups.TryGetValue(key, out var members))
            {
                groups[key] = members = new List<Entity?[]>();
                order.Add(key);
            }
            members.Add(row);
        }
        // An aggregate without groupby still answers one row, even over no input (count = 0).
        if (groupColumns.Count == 0 && groups.Count == 0) { groups[""] = new List<Entity?[]>(); order.Add(""); }

        var results = order.Select(key => Result(query, groups[key], groupColumns)).ToList();
        return Sort(results, query);
    }

    private static Entity Result(BoundQuery query, List<Entity?[]> members, List<BoundColumn> groupColumns)
    {
        var entity = new Entity(query.Root.Table.LogicalName);
        foreach (var column in query.Columns)
        {
            var value = column.Spec.GroupBy
                ? ValueCopier.Copy(members.Count > 0 ? GroupValue(members[0], column) : null)
                : Compute(column, members);
            if (value is null) continue;
            entity[column.ResultKey] = new AliasedValue(column.TableName, column.Column.LogicalName, value);
        }
        return entity;
    }

    private static object? GroupValue(Entity?[] row, BoundColumn column)
    {
        var raw = RowValues.Raw(row[column.Slot], column.Column);
        if (column.Spec.DateGrouping == DateGrouping.None || raw is null) return raw;
        return raw is DateTime date
            ? DateGroupingFunctions.Part(date, column.Spec.DateGrouping)
            : throw Faults.Create(ErrorCodes.InvalidArgument, $"dategrouping needs a date column; '{column.Column.LogicalName}' is {column.Column.Type}.");
    }

    private static string KeyText(object? value) =>
        Convert.ToString(ValueNormalizer.HashKey(ValueNormalizer.Canonical(value)), CultureInfo.InvariantCulture) ?? "\u0000";

    private static object? Compute(BoundColumn column, List<Entity?[]> members)
    {
        if (column.Spec.Aggregate == AggregateFunction.Count) return members.Count;
        var values = members.Select(r => RowValues.Canonical(r[column.Slot], column.Column)).Where(v => v is not null).ToList();
        switch (column.Spec.Aggregate)
        {
            case AggregateFunction.CountColumn:
                return column.Spec.Distinct ? values.Select(ValueNormalizer.HashKey).Distinct().Count() : values.Count;
            case AggregateFunction.Min or AggregateFunction.Max:
                if (values.Count == 0) return null;
                var best = values[0]!;
                foreach (var v in values.Skip(1))
                {
                    var c = ValueNormalizer.Compare(v!, best);
                    if (column.Spec.Aggregate == AggregateFunction.Min ? c < 0 : c > 0) best = v!;
                }
                return best is decimal d ? Typed(d, column.Column) : best;
            case AggregateFunction.Sum or AggregateFunction.Avg:
                if (values.Count == 0) return null;
                var numbers = values.Select(v => v as decimal? ?? throw Faults.Create(ErrorCodes.InvalidArgument,
                    $"{column.Spec.Aggregate} needs a numeric column; '{column.Column.LogicalName}' is {column.Column.Type}.")).ToList();
                var sum = numbers.Sum();
                return Typed(column.Spec.Aggregate == AggregateFunction.Sum ? sum : sum / numbers.Count, column.Column);
            default:
                throw new InvalidOperationException(column.Spec.Aggregate.ToString());
        }
    }

    /// <summary>Results keep the column's type, as SQL does (AVG over an int column is an int, truncated).</summary>
    private static object Typed(decimal value, ColumnDefinition column) => column.Type switch
    {
        ColumnType.Money => new Money(value),
        ColumnType.Integer or ColumnType.Picklist or ColumnType.State or ColumnType.Status => (int)decimal.Truncate(value),
        ColumnType.BigInt => (long)decimal.Truncate(value),
        ColumnType.Double => (double)value,
        _ => value,
    };

    private static List<Entity> Sort(List<Entity> results, BoundQuery query)
    {
        var keys = query.Orders.Select(o => (Key: o.Alias ?? query.Columns.FirstOrDefault(c =>
                c.Slot == o.Slot && c.Column.LogicalName == o.Column!.LogicalName)?.ResultKey
                ?? throw Faults.Create(ErrorCodes.InvalidArgument, $"An aggregate query can only order by an alias or a groupby attribute ('{o.Column!.LogicalName}')."),
            o.Descending)).ToList();
        if (keys.Count == 0) return results;
        var comparer = Comparer<Entity>.Create((a, b) =>
        {
            foreach (var (key, descending) in keys)
            {
                var c = RowSorter.CompareNullable(AliasedCanonical(a, key), AliasedCanonical(b, key));
                if (c != 0) return descending ? -c : c;
            }
            return 0;
        });
        return results.OrderBy(r => r, comparer).ToList();
    }

    private static object? AliasedCanonical(Entity entity, string key) =>
        entity.Attributes.TryGetValue(key, out var value) ? ValueNormalizer.Canonical(value) : null;
}
