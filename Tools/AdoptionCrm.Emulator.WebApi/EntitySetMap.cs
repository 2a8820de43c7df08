using AdoptionCrm.Emulator.Metadata;
using AdoptionCrm.Solution.Model;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// The OData names of the catalog: entity set name → table, and property name ↔ column. Lookup
/// columns are exposed as the read-only <c>_x_value</c> property (the plain name is the navigation
/// property, which $select and $filter cannot name as a value). Names are case-sensitive, as in OData.
/// </summary>
public sealed class EntitySetMap
{
    private readonly Dictionary<string, TableSchema> _sets = new(StringComparer.Ordinal);
    private readonly MetadataCatalog _catalog;

    public EntitySetMap(MetadataCatalog catalog)
    {
        _catalog = catalog;
        foreach (var table in catalog.Tables) _sets[table.Definition.EntitySetName] = table;
    }

    public TableSchema? FindSet(string entitySetName) => _sets.GetValueOrDefault(entitySetName);

    /// <summary>A table by logical name (an @odata.type names one), null if the catalog has none.</summary>
    public TableDefinition? FindTable(string logicalName) => _catalog.Contains(logicalName) ? _catalog.Get(logicalName).Definition : null;

    public static bool IsLookup(ColumnDefinition column) => TableSchema.IsReference(column.Type);

    public static string PropertyName(ColumnDefinition column) => IsLookup(column) ? $"_{column.LogicalName}_value" : column.LogicalName;

    /// <summary>The column behind an OData property, or Dataverse's 400 "Could not find a property named…".</summary>
    public static ColumnDefinition Resolve(TableDefinition table, string property)
    {
        if (property.Length > 7 && property.StartsWith('_') && property.EndsWith("_value", StringComparison.Ordinal))
        {
            var name = property[1..^6];
            if (table.Columns.TryGetValue(name, out var lookup) && IsLookup(lookup)) return lookup;
        }
        else if (table.Columns.TryGetValue(property, out var column) && !IsLookup(column))
            return column;
        throw WebApiException.BadRequest($"Could not find a property named '{property}' on type 'Microsoft.Dynamics.CRM.{table.LogicalName}'.");
    }

    /// <summary>
    /// The single-valued navigation property a lookup value belongs to, as Dataverse reports it in
    /// @Microsoft.Dynamics.CRM.associatednavigationproperty: the column's own name for a one-target
    /// lookup and owner, <c>x_target</c> for a customer column, <c>x_target_table</c> for other
    /// polymorphic lookups (regardingobjectid_account_task).
    /// </summary>
    public static string NavigationProperty(TableDefinition table, ColumnDefinition column, string targetTable) => column.Type switch
    {
        ColumnType.Owner => column.LogicalName,
        ColumnType.Customer => $"{column.LogicalName}_{targetTable}",
        _ when column.Targets.Count > 1 => $"{column.LogicalName}_{targetTable}_{table.LogicalName}",
        _ => column.IsCustom ? column.SchemaName : column.LogicalName,
    };
}
