using AdoptionCrm.Solution.Model;

namespace AdoptionCrm.Solution.Source;

/// <summary>
/// The attribute &lt;Type&gt; and &lt;RequiredLevel&gt; spellings of customizations.xml (CrmDataType in
/// CustomizationsSolution.xsd) mapped to the model's enums, both ways.
/// </summary>
public static class ColumnTypeNames
{
    private static readonly Dictionary<string, ColumnType> Types = new(StringComparer.Ordinal)
    {
        ["primarykey"] = ColumnType.PrimaryKey,
        ["nvarchar"] = ColumnType.String,
        ["ntext"] = ColumnType.Memo,
        ["int"] = ColumnType.Integer,
        ["bigint"] = ColumnType.BigInt,
        ["decimal"] = ColumnType.Decimal,
        ["float"] = ColumnType.Double,
        ["money"] = ColumnType.Money,
        ["bit"] = ColumnType.Boolean,
        ["datetime"] = ColumnType.DateTime,
        ["picklist"] = ColumnType.Picklist,
        ["state"] = ColumnType.State,
        ["status"] = ColumnType.Status,
        ["lookup"] = ColumnType.Lookup,
        ["customer"] = ColumnType.Customer,
        ["owner"] = ColumnType.Owner,
        ["uniqueidentifier"] = ColumnType.UniqueIdentifier,
    };

    private static readonly Dictionary<string, RequiredLevel> Levels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = RequiredLevel.None,
        ["systemrequired"] = RequiredLevel.SystemRequired,
        ["required"] = RequiredLevel.ApplicationRequired,
        ["recommended"] = RequiredLevel.Recommended,
    };

    public static bool TryParseType(string text, out ColumnType type) => Types.TryGetValue(text, out type);

    public static bool TryParseRequiredLevel(string text, out RequiredLevel level) => Levels.TryGetValue(text, out level);

    public static IEnumerable<string> KnownTypes => Types.Keys;
}
