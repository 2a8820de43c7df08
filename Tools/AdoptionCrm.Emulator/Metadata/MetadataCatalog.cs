using AdoptionCrm.Solution.Model;

namespace AdoptionCrm.Emulator.Metadata;

/// <summary>
/// Every table the organization knows: the built-in standard tables with the solution's tables and
/// columns merged over them. Immutable once built, so it is shared by all threads without locks.
/// </summary>
public sealed class MetadataCatalog
{
    private readonly Dictionary<string, TableSchema> _tables = new(StringComparer.Ordinal);

    public MetadataCatalog(IEnumerable<TableDefinition> tables)
    {
        var merged = new Dictionary<string, TableDefinition>(StringComparer.Ordinal);
        foreach (var table in tables)
            merged[table.LogicalName] = merged.TryGetValue(table.LogicalName, out var existing) ? Merge(existing, table) : table;
        foreach (var table in merged.Values) _tables[table.LogicalName] = new TableSchema(table);
    }

    public IEnumerable<TableSchema> Tables => _tables.Values;

    public bool Contains(string logicalName) => logicalName != null && _tables.ContainsKey(logicalName);

    /// <summary>The table, or Dataverse's unknown-entity fault.</summary>
    public TableSchema Get(string logicalName)
    {
        if (logicalName != null && _tables.TryGetValue(logicalName, out var schema)) return schema;
        throw Faults.Create(ErrorCodes.QueryBuilderNoEntity,
            $"The entity with a name = '{logicalName}' with namemapping = 'Logical' was not found in the MetadataCache.");
    }

    /// <summary>
    /// A solution definition of a standard table adds columns and keys (marked IsCustom) to the
    /// built-in one; a standard column keeps its platform definition unless the solution redefines it.
    /// </summary>
    private static TableDefinition Merge(TableDefinition baseTable, TableDefinition overlay)
    {
        var columns = new Dictionary<string, ColumnDefinition>(baseTable.Columns, StringComparer.Ordinal);
        foreach (var column in overlay.Columns.Values)
            if (column.IsCustom || !columns.ContainsKey(column.LogicalName)) columns[column.LogicalName] = column;
        var keys = baseTable.Keys.Concat(overlay.Keys.Where(k => baseTable.Keys.All(b => b.LogicalName != k.LogicalName))).ToList();
        return baseTable with { Columns = columns, Keys = keys };
    }
}
