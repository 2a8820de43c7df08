using System.Globalization;
using AdoptionCrm.Emulator.Metadata;
using AdoptionCrm.Solution.Model;

namespace AdoptionCrm.Emulator.Storage;

/// <summary>
/// An alternate key's values folded into one string for a hash index (O(1) retrieve by key).
/// Strings compare case-insensitively, as SQL's default collation does.
/// </summary>
public static class KeyValues
{
    /// <summary>The composite from stored values; null when any key column is null (such rows are not indexed).</summary>
    public static string? Compose(TableSchema schema, KeyDefinition key, Func<int, object?> valueAt)
    {
        var parts = new string[key.Columns.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            var value = valueAt(schema.OrdinalOf(key.Columns[i]));
            if (value == null) return null;
            parts[i] = Normalize(value);
        }
        return string.Join('\u001f', parts);
    }

    public static string Normalize(object value) => value switch
    {
        string s => s.ToUpperInvariant(),
        StoredReference r => r.Id.ToString("N"),
        DateTime d => d.Ticks.ToString(CultureInfo.InvariantCulture),
        // A number is one key whatever its scale or sign of zero: a decimal column has one precision, its own digits
        // after the point (DecimalAttributeMetadata.Precision, learn.microsoft.com/previous-versions/dynamicscrm-2016/
        // developers-guide/gg307441(v=crm.8)), so the scale a caller sends is not kept and 1.5 and 1.50 are one value.
        // Dividing by 1.000… drops trailing zeros.
        decimal m => (m / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        double x => (x == 0 ? 0d : x).ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
