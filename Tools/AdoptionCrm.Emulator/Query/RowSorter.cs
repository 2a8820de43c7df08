using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// Sorts joined rows by the query's orders. Choice columns sort by label, as Dataverse does; nulls
/// come first ascending (SQL). The root's primary key breaks ties, the unique sort the platform adds
/// so pages are stable. With no order at all rows keep insertion order.
/// </summary>
public static class RowSorter
{
    public static List<Entity?[]> Sort(List<Entity?[]> rows, BoundQuery query)
    {
        if (rows.Count < 2) return rows; // nothing to order: most plug-in queries return one row or none
        var orders = query.Orders.Where(o => o.Column is not null).ToList();
        if (orders.Count == 0) return rows;
        // Each row's sort keys are read once, not at every comparison (a page of a large table sorts it whole).
        var keyed = rows.Select(r => (Row: r, Keys: orders.Select(o => SortKey(r[o.Slot], o.Column!)).ToArray())).ToList();
        var comparer = Comparer<(Entity?[] Row, object?[] Keys)>.Create((a, b) =>
        {
            for (var i = 0; i < orders.Count; i++)
            {
                var result = CompareNullable(a.Keys[i], b.Keys[i]);
                if (result != 0) return orders[i].Descending ? -result : result;
            }
            return a.Row[0]!.Id.CompareTo(b.Row[0]!.Id);
        });
        return keyed.OrderBy(k => k, comparer).Select(k => k.Row).ToList();
    }

    public static int CompareNullable(object? a, object? b) =>
        a is null ? (b is null ? 0 : -1) : b is null ? 1 : ValueNormalizer.Compare(a, b);

    private static object? SortKey(Entity? row, ColumnDefinition column)
    {
        var raw = RowValues.Raw(row, column);
        if (raw is OptionSetValue option && column.OptionOf(option.Value) is { } label)
            return label.Label;
        return ValueNormalizer.Canonical(raw);
    }
}
