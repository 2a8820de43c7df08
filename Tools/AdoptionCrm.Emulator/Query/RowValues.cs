using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Query;

/// <summary>Reads a column from a stored row; the primary key may live only in Entity.Id.</summary>
public static class RowValues
{
    public static object? Raw(Entity? row, ColumnDefinition column)
    {
        if (row is null) return null;
        if (row.Attributes.TryGetValue(column.LogicalName, out var value)) return value;
        return column.Type == ColumnType.PrimaryKey && row.Id != Guid.Empty ? row.Id : null;
    }

    public static object? Canonical(Entity? row, ColumnDefinition column) => ValueNormalizer.Canonical(Raw(row, column));
}
