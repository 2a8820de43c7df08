using System.Globalization;
using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Metadata;

/// <summary>
/// The text Dataverse puts in Entity.FormattedValues for a column's value, shared by Retrieve and
/// RetrieveMultiple so both reads of one row agree: choice labels, boolean labels (the column's own,
/// else Yes/No), Money with the column's precision and no currency symbol (the emulator has no
/// currency table), and a lookup's name once the caller has filled EntityReference.Name.
/// </summary>
public static class FormattedValue
{
    public static string? For(object? value, ColumnDefinition? column) => value switch
    {
        OptionSetValue option => column?.OptionOf(option.Value)?.Label,
        bool flag => column?.OptionOf(flag ? 1 : 0)?.Label ?? (flag ? "Yes" : "No"),
        Money money => money.Value.ToString("N" + (column?.Precision ?? 2), CultureInfo.InvariantCulture),
        EntityReference reference => reference.Name,
        _ => null,
    };
}
