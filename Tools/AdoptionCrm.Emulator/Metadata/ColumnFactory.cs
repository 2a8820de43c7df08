using AdoptionCrm.Solution.Model;

namespace AdoptionCrm.Emulator.Metadata;

/// <summary>Terse constructors for the built-in table definitions, so StandardTables reads like the reference.</summary>
internal static class ColumnFactory
{
    public static ColumnDefinition Key(string name) => new(name, ColumnType.PrimaryKey) { IsValidForUpdate = false };
    public static ColumnDefinition Text(string name, int max, RequiredLevel level = RequiredLevel.None) =>
        new(name, ColumnType.String) { MaxLength = max, RequiredLevel = level };
    public static ColumnDefinition Memo(string name, int max) => new(name, ColumnType.Memo) { MaxLength = max };
    public static ColumnDefinition Int(string name, int min, int max) => new(name, ColumnType.Integer) { MinValue = min, MaxValue = max };
    public static ColumnDefinition Bool(string name, bool defaultValue = false) => new(name, ColumnType.Boolean) { DefaultValue = defaultValue };
    public static ColumnDefinition Date(string name) => new(name, ColumnType.DateTime);
    public static ColumnDefinition MoneyColumn(string name) => new(name, ColumnType.Money) { MinValue = -922337203685477m, MaxValue = 922337203685477m };
    public static ColumnDefinition Lookup(string name, params string[] targets) => new(name, ColumnType.Lookup) { Targets = targets };
    public static ColumnDefinition Customer(string name) => new(name, ColumnType.Customer) { Targets = new[] { "account", "contact" } };

    public static ColumnDefinition Choice(string name, int? defaultValue, params (int Value, string Label)[] options) =>
        new(name, ColumnType.Picklist) { DefaultValue = defaultValue, Options = options.Select(o => new OptionDefinition(o.Value, o.Label)).ToList() };

    public static ColumnDefinition State(params (int Value, string Label)[] options) =>
        new("statecode", ColumnType.State) { RequiredLevel = RequiredLevel.SystemRequired, DefaultValue = options[0].Value, Options = options.Select(o => new OptionDefinition(o.Value, o.Label)).ToList() };

    /// <summary>Status options carry the statecode they belong to; the first per state is its default.</summary>
    public static ColumnDefinition Status(params (int Value, string Label, int State)[] options) =>
        new("statuscode", ColumnType.Status) { Options = options.Select(o => new OptionDefinition(o.Value, o.Label, o.State)).ToList() };

    /// <summary>Columns every table gets from the platform: audit stamps, owner and row version.</summary>
    public static IEnumerable<ColumnDefinition> SystemColumns(bool userOwned)
    {
        yield return Date("createdon") with { IsValidForCreate = false, IsValidForUpdate = false };
        yield return Date("modifiedon") with { IsValidForCreate = false, IsValidForUpdate = false };
        yield return Date("overriddencreatedon") with { IsValidForUpdate = false };
        yield return Lookup("createdby", "systemuser") with { IsValidForCreate = false, IsValidForUpdate = false };
        yield return Lookup("modifiedby", "systemuser") with { IsValidForCreate = false, IsValidForUpdate = false };
        yield return new ColumnDefinition("versionnumber", ColumnType.BigInt) { IsValidForCreate = false, IsValidForUpdate = false };
        if (userOwned)
        {
            yield return new ColumnDefinition("ownerid", ColumnType.Owner) { Targets = new[] { "systemuser", "team" }, RequiredLevel = RequiredLevel.SystemRequired };
            yield return Lookup("owningbusinessunit", "businessunit") with { IsValidForCreate = false, IsValidForUpdate = false };
        }
    }

    public static TableDefinition Table(string name, string primaryId, string primaryName, OwnershipType ownership, params ColumnDefinition[] columns)
    {
        var all = new Dictionary<string, ColumnDefinition>(StringComparer.Ordinal) { [primaryId] = Key(primaryId) };
        foreach (var c in SystemColumns(ownership == OwnershipType.UserOwned)) all[c.LogicalName] = c;
        foreach (var c in columns) all[c.LogicalName] = c;
        return new TableDefinition(name) { PrimaryIdAttribute = primaryId, PrimaryNameAttribute = primaryName, Ownership = ownership, Columns = all };
    }
}
