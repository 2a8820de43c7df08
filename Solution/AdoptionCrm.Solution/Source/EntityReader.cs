using System.Xml.Linq;
using AdoptionCrm.Solution.Model;

namespace AdoptionCrm.Solution.Source;

/// <summary>
/// Reads Entities/&lt;SchemaName&gt;/Entity.xml into a TableDefinition. The file keeps the exported
/// shape (&lt;Entity&gt;&lt;EntityInfo&gt;&lt;entity&gt;&lt;attributes&gt;…) so the packer can copy it
/// as is; this reader takes from it what the emulator and code generation need.
/// </summary>
internal static class EntityReader
{
    // Standard tables we extend carry only our columns; their primary name is platform metadata
    // (dataverse-facts §5), so it is stated here rather than invented in the source file.
    private static readonly Dictionary<string, string> StandardPrimaryNames = new(StringComparer.Ordinal)
    {
        ["account"] = "name",
        ["lead"] = "fullname",
        ["contact"] = "fullname",
        ["task"] = "subject",
    };

    // System lookups every custom table gets; the platform creates their relationships with the table
    // (lk_<table>_createdby, …), so the source names their targets here instead of relationship files.
    private static readonly Dictionary<string, string> SystemLookupTargets = new(StringComparer.Ordinal)
    {
        ["createdby"] = "systemuser",
        ["modifiedby"] = "systemuser",
        ["createdonbehalfby"] = "systemuser",
        ["modifiedonbehalfby"] = "systemuser",
        ["organizationid"] = "organization",
        ["owningbusinessunit"] = "businessunit",
        ["owninguser"] = "systemuser",
        ["owningteam"] = "team",
    };

    public static TableDefinition Read(
        string path,
        XDocument document,
        string prefix,
        IReadOnlyDictionary<string, OptionSetDefinition> globalOptionSets,
        IReadOnlyList<RelationshipDefinition> relationships)
    {
        var root = document.Root!;
        if (root.Name.LocalName != "Entity") throw SourceXml.Error(path, root, "root element must be <Entity>");
        var nameElement = root.Element("Name") ?? throw SourceXml.Error(path, root, "missing required child <Name>");
        var schemaName = nameElement.Value.Trim();
        if (schemaName.Length == 0) throw SourceXml.Error(path, nameElement, "must not be empty");
        var logicalName = schemaName.ToLowerInvariant();
        var isCustom = logicalName.StartsWith(prefix + "_", StringComparison.Ordinal);

        var entity = root.Element("EntityInfo")?.Element("entity") ?? throw SourceXml.Error(path, root, "missing <EntityInfo><entity>");
        if (!string.Equals((string?)entity.Attribute("Name"), schemaName, StringComparison.Ordinal))
            throw SourceXml.Error(path, entity, $"Name must equal the <Name> of the Entity ({schemaName})");
        var attributes = entity.Element("attributes") ?? throw SourceXml.Error(path, entity, "missing required child <attributes>");

        var columns = new Dictionary<string, ColumnDefinition>(StringComparer.Ordinal);
        foreach (var attribute in attributes.Elements("attribute"))
        {
            var column = ReadColumn(path, attribute, logicalName, prefix, globalOptionSets, relationships);
            if (!isCustom && !column.IsCustom)
                throw SourceXml.Error(path, attribute, $"{column.LogicalName}: a standard table may only carry columns this solution adds (IsCustomField 1)");
            if (!columns.TryAdd(column.LogicalName, column))
                throw SourceXml.Error(path, attribute, $"column {column.LogicalName} is declared twice");
        }

        var primaryId = columns.Values.FirstOrDefault(c => c.Type == ColumnType.PrimaryKey)?.LogicalName ?? logicalName + "id";
        var primaryName = attributes.Elements("attribute")
            .Where(a => (a.Element("DisplayMask")?.Value ?? "").Split('|').Contains("PrimaryName"))
            .Select(a => a.Element("LogicalName")!.Value.Trim())
            .FirstOrDefault()
            ?? (StandardPrimaryNames.TryGetValue(logicalName, out var standard) ? standard : null);
        if (isCustom && primaryName is null)
            throw SourceXml.Error(path, attributes, "a custom table needs one attribute whose DisplayMask contains PrimaryName");
        if (isCustom && !columns.ContainsKey(primaryId))
            throw SourceXml.Error(path, attributes, $"a custom table needs its primary key attribute {primaryId} (Type primarykey)");

        var ownership = SourceXml.Optional(entity, "OwnershipTypeMask") switch
        {
            null or "UserOwned" => OwnershipType.UserOwned,
            "OrgOwned" => OwnershipType.OrganizationOwned,
            "None" => OwnershipType.None,
            var other => throw SourceXml.Error(path, entity.Element("OwnershipTypeMask")!, $"unknown OwnershipTypeMask '{other}'"),
        };

        var keys = new List<KeyDefinition>();
        foreach (var key in entity.Element("EntityKeys")?.Elements("EntityKey") ?? [])
        {
            var keyName = (SourceXml.Optional(key, "LogicalName") ?? SourceXml.Required(path, key, "Name")).ToLowerInvariant();
            var keyColumns = key.Element("EntityKeyAttributes")?.Elements("AttributeName").Select(a => a.Value.Trim().ToLowerInvariant()).ToList() ?? [];
            if (keyColumns.Count == 0) throw SourceXml.Error(path, key, $"key {keyName} lists no <EntityKeyAttributes><AttributeName>");
            foreach (var c in keyColumns.Where(c => !columns.ContainsKey(c)))
                throw SourceXml.Error(path, key, $"key {keyName} names column {c}, which the table does not declare");
            keys.Add(new KeyDefinition(keyName, keyColumns));
        }

        var display = SourceXml.Label(entity.Element("LocalizedNames"), "LocalizedName") ?? (string?)nameElement.Attribute("LocalizedName") ?? schemaName;
        var collection = SourceXml.Label(entity.Element("LocalizedCollectionNames"), "LocalizedCollectionName") ?? display;
        var table = new TableDefinition(logicalName)
        {
            SchemaName = schemaName,
            DisplayName = display,
            DisplayCollectionName = collection,
            PrimaryIdAttribute = primaryId,
            Ownership = ownership,
            IsCustom = isCustom,
            Columns = columns,
            Keys = keys,
        };
        if (SourceXml.Optional(entity, "EntitySetName") is { } setName) table = table with { EntitySetName = setName };
        if (primaryName is not null) table = table with { PrimaryNameAttribute = primaryName };
        return table;
    }

    private static ColumnDefinition ReadColumn(
        string path,
        XElement attribute,
        string table,
        string prefix,
        IReadOnlyDictionary<string, OptionSetDefinition> globalOptionSets,
        IReadOnlyList<RelationshipDefinition> relationships)
    {
        var logicalName = SourceXml.Required(path, attribute, "LogicalName");
        string Where() => $"column {logicalName}";
        if (logicalName != logicalName.ToLowerInvariant())
            throw SourceXml.Error(path, attribute.Element("LogicalName")!, $"{Where()}: LogicalName must be lower case");
        var physical = SourceXml.RequiredAttribute(path, attribute, "PhysicalName");
        if (!string.Equals(physical, logicalName, StringComparison.OrdinalIgnoreCase))
            throw SourceXml.Error(path, attribute, $"{Where()}: PhysicalName {physical} must be the schema name of the LogicalName");

        var typeElement = attribute.Element("Type") ?? throw SourceXml.Error(path, attribute, $"{Where()}: missing required child <Type>");
        if (!ColumnTypeNames.TryParseType(typeElement.Value.Trim(), out var type))
            throw SourceXml.Error(path, typeElement, $"{Where()}: unknown Type '{typeElement.Value.Trim()}' (known: {string.Join(", ", ColumnTypeNames.KnownTypes)})");

        var isCustom = SourceXml.Optional(attribute, "IsCustomField") == "1";
        if (isCustom && !logicalName.StartsWith(prefix + "_", StringComparison.Ordinal))
            throw SourceXml.Error(path, attribute, $"{Where()}: a custom column must start with the publisher prefix '{prefix}_'");

        var level = RequiredLevel.None;
        if (attribute.Element("RequiredLevel") is { } levelElement && !ColumnTypeNames.TryParseRequiredLevel(levelElement.Value.Trim(), out level))
            throw SourceXml.Error(path, levelElement, $"{Where()}: unknown RequiredLevel '{levelElement.Value.Trim()}'");

        var column = new ColumnDefinition(logicalName, type)
        {
            SchemaName = physical,
            DisplayName = SourceXml.Label(attribute.Element("displaynames")) ?? physical,
            Description = SourceXml.Label(attribute.Element("Descriptions"), "Description") is { Length: > 0 } d ? d : null,
            RequiredLevel = level,
            IsCustom = isCustom,
            IsValidForCreate = SourceXml.Optional(attribute, "ValidForCreateApi") != "0",
            IsValidForUpdate = SourceXml.Optional(attribute, "ValidForUpdateApi") != "0",
        };

        if (attribute.Element("MaxLength") is { } maxLength) column = column with { MaxLength = SourceXml.Int(path, maxLength) };
        if (type is ColumnType.String or ColumnType.Memo && column.MaxLength is null)
            throw SourceXml.Error(path, attribute, $"{Where()}: {type} columns need <MaxLength>");
        if (attribute.Element("MinValue") is { } min) column = column with { MinValue = SourceXml.Decimal(path, min) };
        if (attribute.Element("MaxValue") is { } max) column = column with { MaxValue = SourceXml.Decimal(path, max) };
        if (attribute.Element("Accuracy") is { } accuracy) column = column with { Precision = SourceXml.Int(path, accuracy) };

        if (type is ColumnType.Picklist or ColumnType.State or ColumnType.Status or ColumnType.Boolean)
            column = ReadOptions(path, attribute, column, globalOptionSets);

        if (type is ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner)
        {
            var targets = relationships
                .Where(r => r.ReferencingEntity == table && r.ReferencingAttribute == logicalName)
                .Select(r => r.ReferencedEntity)
                .Distinct()
                .OrderBy(t => t, StringComparer.Ordinal)
                .ToList();
            if (targets.Count == 0 && !isCustom && SystemLookupTargets.TryGetValue(logicalName, out var systemTarget)) targets = [systemTarget];
            if (targets.Count == 0 && type == ColumnType.Lookup)
                throw SourceXml.Error(path, attribute, $"{Where()}: lookup has no relationship in {RelationshipReader.Folder} (ReferencingEntityName {table}, ReferencingAttributeName {logicalName})");
            column = column with { Targets = targets };
        }
        return column;
    }

    private static ColumnDefinition ReadOptions(string path, XElement attribute, ColumnDefinition column, IReadOnlyDictionary<string, OptionSetDefinition> globalOptionSets)
    {
        var local = attribute.Element("optionset");
        if (SourceXml.Optional(attribute, "OptionSetName") is { } globalName && local is null)
        {
            if (!globalOptionSets.TryGetValue(globalName, out var global))
                throw SourceXml.Error(path, attribute.Element("OptionSetName")!, $"column {column.LogicalName}: option set {globalName} is not defined in OptionSets/");
            column = column with { OptionSetName = globalName, Options = global.Options };
        }
        else if (local is not null)
        {
            column = column with { Options = OptionSetReader.ReadOptions(path, local) };
            // A state column's first state is where every new row starts (statecode 0, Active).
            if (column.Type == ColumnType.State && column.Options.Count > 0) column = column with { DefaultValue = column.Options[0].Value };
        }
        else if (column.Type != ColumnType.Boolean)
        {
            throw SourceXml.Error(path, attribute, $"column {column.LogicalName}: a choice needs <OptionSetName> or a local <optionset>");
        }

        if (attribute.Element("AppDefaultValue") is { } defaultElement)
        {
            var value = SourceXml.Int(path, defaultElement);
            // -1 is how exports say "no default" for choices.
            if (column.Type == ColumnType.Boolean) column = column with { DefaultValue = value == 1 };
            else if (value != -1) column = column with { DefaultValue = value };
        }
        return column;
    }
}
