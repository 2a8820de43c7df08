namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// The columns each table slot of a bound query reads: what it returns, filters, joins and sorts on, and its
/// primary key. The engine asks its source for only these, so a query that returns two columns of a wide row
/// does not copy the other fifty on every row it examines; null for a slot that returns all columns.
/// </summary>
public static class ColumnNeeds
{
    public static IReadOnlyCollection<string>?[] Of(BoundQuery query)
    {
        // Lists, not sets: a slot reads a handful of columns, and this runs for every query.
        var needs = new List<string>?[query.Tables.Count];
        foreach (var table in query.Tables)
            needs[table.Slot] = table.AllColumns ? null : new List<string>(4) { table.Table.PrimaryIdAttribute };
        void Need(int slot, string? column)
        {
            if (column is not null && needs[slot] is { } list && !list.Contains(column)) list.Add(column);
        }
        void Filter(BoundFilter filter)
        {
            foreach (var condition in filter.Conditions)
            {
                Need(condition.Slot, condition.Column.LogicalName);
                if (condition.OtherSlot is int other) Need(other, condition.OtherColumn?.LogicalName);
            }
            foreach (var child in filter.Filters) Filter(child);
        }
        void Link(BoundLink link)
        {
            Need(link.ParentSlot, link.ParentColumn.LogicalName);
            Need(link.Target.Slot, link.LinkedColumn.LogicalName);
            Filter(link.Filter);
            foreach (var child in link.Children) Link(child);
        }
        foreach (var column in query.Columns) Need(column.Slot, column.Column.LogicalName);
        foreach (var order in query.Orders) Need(order.Slot, order.Column?.LogicalName);
        Filter(query.Filter);
        foreach (var link in query.Links) Link(link);
        return needs;
    }
}
