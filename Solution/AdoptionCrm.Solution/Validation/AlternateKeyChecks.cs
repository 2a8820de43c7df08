using System.Xml.Linq;
using AdoptionCrm.Solution.Packing;

namespace AdoptionCrm.Solution.Validation;

/// <summary>
/// Alternate keys within the platform's documented limits (learn.microsoft.com/power-apps/developer/data-platform/
/// define-alternate-keys-entity): at most 10 keys per table, 16 columns per key and 900 bytes per key, the size of the
/// unique index the platform builds for it. A key past them fails to activate after import.
/// </summary>
internal static class AlternateKeyChecks
{
    public const int MaxKeysPerTable = 10, MaxColumnsPerKey = 16, MaxKeyBytes = 900;

    public static void Run(XDocument customizations, List<ValidationProblem> problems)
    {
        const string c = ZipNames.Customizations;
        foreach (var entity in customizations.Root!.Element("Entities")?.Elements("Entity") ?? [])
        {
            var info = entity.Element("EntityInfo")?.Element("entity");
            var keys = info?.Element("EntityKeys")?.Elements("EntityKey").ToList() ?? [];
            if (keys.Count == 0) continue;
            var table = entity.Element("Name")?.Value.Trim().ToLowerInvariant() ?? "";
            if (keys.Count > MaxKeysPerTable)
                problems.Add(new(At(c, keys[MaxKeysPerTable]), $"table {table} has {keys.Count} alternate keys; a table may have {MaxKeysPerTable}"));
            var attributes = info!.Element("attributes")?.Elements("attribute")
                .GroupBy(a => a.Element("LogicalName")?.Value.Trim() ?? "", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal) ?? [];
            foreach (var key in keys)
            {
                var name = key.Element("LogicalName")?.Value.Trim() ?? "";
                var columns = key.Element("EntityKeyAttributes")?.Elements("AttributeName").Select(a => a.Value.Trim()).ToList() ?? [];
                if (columns.Count > MaxColumnsPerKey)
                    problems.Add(new(At(c, key), $"alternate key {name} of {table} has {columns.Count} columns; a key may have {MaxColumnsPerKey}"));
                var bytes = 0;
                foreach (var column in columns)
                {
                    if (!attributes.TryGetValue(column, out var attribute))
                    {
                        problems.Add(new(At(c, key), $"alternate key {name} of {table} names column {column}, which the table does not define"));
                        continue;
                    }
                    bytes += Bytes(attribute);
                }
                if (bytes > MaxKeyBytes)
                    problems.Add(new(At(c, key), $"alternate key {name} of {table} takes {bytes} bytes; a key's index may take {MaxKeyBytes}"));
            }
        }
    }

    // Bytes a column takes in the key's index: nvarchar two per character; lookups and ids a uniqueidentifier.
    private static int Bytes(XElement attribute) => attribute.Element("Type")?.Value.Trim() switch
    {
        "nvarchar" => 2 * (int.TryParse(attribute.Element("MaxLength")?.Value, out var length) ? length : 4000),
        "lookup" or "customer" or "owner" or "primarykey" or "uniqueidentifier" => 16,
        "int" or "picklist" or "state" or "status" => 4,
        "bigint" or "datetime" or "float" => 8,
        "decimal" or "money" => 17,
        "bit" => 1,
        _ => 0,
    };

    private static string At(string entry, XObject node) =>
        node is System.Xml.IXmlLineInfo info && info.HasLineInfo() ? $"{entry}:{info.LineNumber}:{info.LinePosition}" : entry;
}
