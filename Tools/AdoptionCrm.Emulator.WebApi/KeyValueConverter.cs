using System.Globalization;
using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// Turns the text of an alternate-key segment value (<c>accountnumber='A1'</c>, <c>_x_value=&lt;guid&gt;</c>,
/// <c>code=5</c>) into the SDK value the column takes, so the service resolves it like an SDK caller's
/// KeyAttributes.
/// </summary>
public static class KeyValueConverter
{
    public static KeyAttributeCollection Convert(TableDefinition table, IReadOnlyList<KeyValuePair<string, string>> keys)
    {
        var result = new KeyAttributeCollection();
        foreach (var (property, text) in keys)
        {
            var column = EntitySetMap.Resolve(table, property);
            result[column.LogicalName] = ValueOf(column, text, property);
        }
        return result;
    }

    private static object ValueOf(ColumnDefinition column, string text, string property)
    {
        try
        {
            return column.Type switch
            {
                ColumnType.String or ColumnType.Memo => text,
                ColumnType.Integer => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
                ColumnType.BigInt => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
                ColumnType.Decimal => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                ColumnType.Double => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                ColumnType.Money => new Money(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)),
                ColumnType.Picklist or ColumnType.State or ColumnType.Status => new OptionSetValue(int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)),
                ColumnType.DateTime => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner =>
                    new EntityReference(column.Targets.FirstOrDefault() ?? "", Guid.Parse(text)),
                _ => Guid.Parse(text),
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw WebApiException.BadRequest($"The key value '{text}' is not valid for '{property}' ({FilterTranslator.EdmType(column)}).");
        }
    }
}
