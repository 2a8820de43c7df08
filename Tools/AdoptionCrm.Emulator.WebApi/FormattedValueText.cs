using System.Globalization;
using AdoptionCrm.Emulator.Metadata;
using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// The text of an @OData.Community.Display.V1.FormattedValue annotation, as Dataverse renders it for
/// a user with English (United States) settings in UTC: choice and boolean labels, lookup names,
/// grouped numbers, Money without a currency symbol (the emulator has no currency table; the query
/// engine formats it the same way), date-times as "1/31/2025 9:05 AM".
/// </summary>
public static class FormattedValueText
{
    private static readonly CultureInfo EnUs = CultureInfo.GetCultureInfo("en-US");

    public static string? For(object? value, ColumnDefinition? column, string? engineText)
    {
        switch (value)
        {
            case null:
                return null;
            case AliasedValue aliased:
                return For(aliased.Value, column, engineText);
            case OptionSetValue or bool or Money or EntityReference:
                // The same text the SDK reads carry (Retrieve and RetrieveMultiple).
                return FormattedValue.For(value, column) ?? engineText;
            case DateTime date:
                return ToUtc(date).ToString("M/d/yyyy h:mm tt", EnUs);
            case int or long when column?.Type == ColumnType.BigInt:
                return engineText; // versionnumber and other row versions are not shown as numbers
            case int or long or short:
                return Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString("N0", EnUs);
            case decimal or double or float:
                return Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString("N" + (column?.Precision ?? 2), EnUs);
            default:
                return engineText;
        }
    }

    public static DateTime ToUtc(DateTime date) =>
        date.Kind == DateTimeKind.Local ? date.ToUniversalTime() : DateTime.SpecifyKind(date, DateTimeKind.Utc);
}
