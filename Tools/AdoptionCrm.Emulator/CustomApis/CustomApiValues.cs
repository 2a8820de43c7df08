using AdoptionCrm.Solution.Source;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.CustomApis;

/// <summary>The .NET type the SDK carries for each Custom API type, and the check a value must pass.</summary>
internal static class CustomApiValues
{
    public static Type ClrType(CustomApiType type) => type switch
    {
        CustomApiType.Boolean => typeof(bool),
        CustomApiType.DateTime => typeof(DateTime),
        CustomApiType.Decimal => typeof(decimal),
        CustomApiType.Entity => typeof(Entity),
        CustomApiType.EntityCollection => typeof(EntityCollection),
        CustomApiType.EntityReference => typeof(EntityReference),
        CustomApiType.Float => typeof(double),
        CustomApiType.Integer => typeof(int),
        CustomApiType.Money => typeof(Money),
        CustomApiType.Picklist => typeof(OptionSetValue),
        CustomApiType.String => typeof(string),
        CustomApiType.StringArray => typeof(string[]),
        CustomApiType.Guid => typeof(Guid),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Null when the value fits the field (null fits an optional one), else why not.</summary>
    public static string? Problem(CustomApiField field, object? value)
    {
        if (value is null) return null;
        var expected = ClrType(field.Type);
        if (!expected.IsInstanceOfType(value)) return $"'{field.UniqueName}' must be {field.Type} ({expected.Name}), not {value.GetType().Name}";
        var table = value switch { Entity e => e.LogicalName, EntityReference r => r.LogicalName, _ => null };
        if (field.LogicalEntityName is not null && table is not null && table != field.LogicalEntityName)
            return $"'{field.UniqueName}' must be a {field.LogicalEntityName}, not a {table}";
        return null;
    }
}
