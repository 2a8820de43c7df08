using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Storage;

/// <summary>
/// Converts between the SDK values callers send and the compact values the store keeps. Converting
/// in both directions is also the deep copy at the boundary: nothing the caller holds is stored and
/// nothing stored is handed out.
/// </summary>
public static class ValueCodec
{
    /// <summary>The stored form of an SDK value, or the wrong-type fault Dataverse raises.</summary>
    public static object? ToStored(string table, ColumnDefinition column, object? value)
    {
        if (value == null) return null;
        object? stored = column.Type switch
        {
            ColumnType.String or ColumnType.Memo or ColumnType.EntityName => value as string,
            ColumnType.Integer => value is int i ? i : null,
            ColumnType.BigInt => value is long l ? l : null,
            ColumnType.Decimal => value is decimal d ? d : null,
            ColumnType.Double => value is double db ? db : null,
            ColumnType.Money => value is Money m ? m.Value : null,
            ColumnType.Boolean => value is bool b ? b : null,
            ColumnType.DateTime => value is DateTime dt ? ToUtc(dt) : null,
            ColumnType.Picklist or ColumnType.State or ColumnType.Status => value is OptionSetValue o ? o.Value : null,
            ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => value is EntityReference r ? new StoredReference(Intern(column, r.LogicalName), r.Id) : null,
            ColumnType.UniqueIdentifier or ColumnType.PrimaryKey => value is Guid g ? g : null,
            _ => null,
        };
        if (stored == null)
            throw Faults.Create(ErrorCodes.InvalidArgument,
                $"Incorrect type of attribute value {value.GetType().FullName} for '{column.LogicalName}' of '{table}': expected {ExpectedType(column.Type)}.");
        return stored;
    }

    /// <summary>A fresh SDK value for a stored one.</summary>
    public static object? ToSdk(ColumnDefinition column, object? stored)
    {
        if (stored == null) return null;
        return column.Type switch
        {
            ColumnType.Money => new Money((decimal)stored),
            ColumnType.Picklist or ColumnType.State or ColumnType.Status => new OptionSetValue((int)stored),
            ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => new EntityReference(((StoredReference)stored).LogicalName, ((StoredReference)stored).Id),
            _ => stored, // strings, numbers, bool, DateTime and Guid are immutable
        };
    }

    public static string ExpectedType(ColumnType type) => type switch
    {
        ColumnType.String or ColumnType.Memo or ColumnType.EntityName => "System.String",
        ColumnType.Integer => "System.Int32",
        ColumnType.BigInt => "System.Int64",
        ColumnType.Decimal => "System.Decimal",
        ColumnType.Double => "System.Double",
        ColumnType.Money => "Microsoft.Xrm.Sdk.Money",
        ColumnType.Boolean => "System.Boolean",
        ColumnType.DateTime => "System.DateTime",
        ColumnType.Picklist or ColumnType.State or ColumnType.Status => "Microsoft.Xrm.Sdk.OptionSetValue",
        ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => "Microsoft.Xrm.Sdk.EntityReference",
        _ => "System.Guid",
    };

    // Dataverse stores UTC; an unspecified kind is taken as UTC, as the SDK sends it.
    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };

    // Share the metadata's string instance for a table name instead of keeping a copy per row.
    private static string Intern(ColumnDefinition column, string logicalName)
    {
        foreach (var target in column.Targets) if (string.Equals(target, logicalName, StringComparison.Ordinal)) return target;
        return logicalName;
    }
}
