using System.Globalization;
using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// One comparable form per value so that conditions, joins, sorting and grouping agree: numbers,
/// choices and Money become decimal, lookups become their Guid, strings stay strings (compared
/// case-insensitively, like Dataverse's SQL collation), DateTime compares by ticks.
/// </summary>
public static class ValueNormalizer
{
    /// <summary>The comparable form of a stored value or an SDK-typed condition value.</summary>
    public static object? Canonical(object? value) => value switch
    {
        null => null,
        AliasedValue aliased => Canonical(aliased.Value),
        OptionSetValue option => (decimal)option.Value,
        Money money => money.Value,
        EntityReference reference => reference.Id,
        int i => (decimal)i,
        long l => (decimal)l,
        short s => (decimal)s,
        byte b => (decimal)b,
        decimal d => d,
        double d => ToDecimal(d),
        float f => ToDecimal(f),
        Enum e => Convert.ToDecimal(e, CultureInfo.InvariantCulture),
        DateTime dt => dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : DateTime.SpecifyKind(dt, DateTimeKind.Utc),
        DateTimeOffset dto => dto.UtcDateTime,
        _ => value,
    };

    /// <summary>
    /// A condition value converted to the column's comparable form; FetchXML gives every value as
    /// text, QueryExpression gives raw CLR values or SDK types.
    /// </summary>
    public static object? Coerce(object? value, ColumnDefinition column, string tableName)
    {
        if (value is AliasedValue aliased) value = aliased.Value;
        if (value is null) return null;
        try
        {
            switch (column.Type)
            {
                case ColumnType.String or ColumnType.Memo or ColumnType.EntityName:
                    return value is string s ? s : Convert.ToString(Canonical(value), CultureInfo.InvariantCulture);
                case ColumnType.Integer or ColumnType.BigInt or ColumnType.Decimal or ColumnType.Double or ColumnType.Money
                    or ColumnType.Picklist or ColumnType.State or ColumnType.Status:
                    if (value is string text) return decimal.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
                    if (value is bool flag) return flag ? 1m : 0m;
                    return Canonical(value) is decimal number ? number : throw Mismatch(value, column, tableName);
                case ColumnType.Boolean:
                    return value switch
                    {
                        bool b => b,
                        string t => t.Trim().ToLowerInvariant() switch
                        {
                            "1" or "true" => true,
                            "0" or "false" => false,
                            _ => throw Mismatch(value, column, tableName),
                        },
                        _ => Canonical(value) is decimal n ? n != 0 : throw Mismatch(value, column, tableName),
                    };
                case ColumnType.DateTime:
                    if (value is string date)
                        return DateTime.Parse(date, CultureInfo.InvariantCulture,
                            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                    return Canonical(value) is DateTime dt ? dt : throw Mismatch(value, column, tableName);
                case ColumnType.PrimaryKey or ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner or ColumnType.UniqueIdentifier:
                    if (value is string id) return Guid.Parse(id);
                    return Canonical(value) is Guid guid ? guid : throw Mismatch(value, column, tableName);
                default:
                    return Canonical(value);
            }
        }
        catch (FormatException)
        {
            throw Mismatch(value, column, tableName);
        }
    }

    /// <summary>Orders two non-null comparable values; values of different kinds are a query error.</summary>
    public static int Compare(object a, object b)
    {
        return (a, b) switch
        {
            (string x, string y) => string.Compare(x, y, CultureInfo.InvariantCulture, CompareOptions.IgnoreCase),
            (decimal x, decimal y) => x.CompareTo(y),
            (DateTime x, DateTime y) => x.Ticks.CompareTo(y.Ticks),
            (Guid x, Guid y) => x.CompareTo(y),
            (bool x, bool y) => x.CompareTo(y),
            _ => throw Faults.Create(ErrorCodes.InvalidArgument,
                $"Cannot compare a value of type {a.GetType().Name} with a value of type {b.GetType().Name}."),
        };
    }

    /// <summary>A key for hashing (joins, grouping, distinct): equal under <see cref="Compare"/> means equal key.</summary>
    public static object? HashKey(object? canonical) => canonical is string s ? s.ToUpperInvariant() : canonical;

    /// <summary>The value an <see cref="IQueryDataSource.Lookup"/> index expects for a column: a Guid for lookups, the raw value otherwise.</summary>
    public static object? IndexKey(object? canonical, ColumnDefinition column) => (canonical, column.Type) switch
    {
        (decimal d, ColumnType.Integer or ColumnType.Picklist or ColumnType.State or ColumnType.Status) => (int)d,
        (decimal d, ColumnType.BigInt) => (long)d,
        (decimal d, ColumnType.Double) => (double)d,
        _ => canonical,
    };

    private static decimal ToDecimal(double d) =>
        d is > (double)decimal.MaxValue or < (double)decimal.MinValue ? (d > 0 ? decimal.MaxValue : decimal.MinValue) : (decimal)d;

    private static Exception Mismatch(object value, ColumnDefinition column, string tableName) =>
        Faults.Create(ErrorCodes.InvalidArgument,
            $"The value '{value}' of type {value.GetType().Name} is not valid for attribute '{column.LogicalName}' ({column.Type}) of entity '{tableName}'.");
}
