using AdoptionCrm.Emulator.Metadata;
using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Storage;

/// <summary>
/// Turns a stored row into a fresh SDK Entity: only the requested columns, with formatted values
/// (Metadata/FormattedValue) and EntityReference.Name filled from the referenced row, as Retrieve does.
/// </summary>
public static class RowMaterializer
{
    public static Entity ToEntity(DataStore store, Transaction? txn, TableSchema schema, StoredRow row, IReadOnlyCollection<string>? columns, bool withFormatting)
    {
        var entity = new Entity(schema.LogicalName, row.Id) { RowVersion = store.RowVersionText(row.Version) };
        if (columns == null || columns.Contains(schema.PrimaryIdAttribute)) entity[schema.PrimaryIdAttribute] = row.Id;
        for (var i = 0; i < schema.Columns.Count; i++)
        {
            var column = schema.Columns[i];
            var stored = row.Values[i];
            if (stored == null || columns != null && !columns.Contains(column.LogicalName)) continue;
            var value = ValueCodec.ToSdk(column, stored);
            entity[column.LogicalName] = value;
            if (withFormatting) Format(store, txn, entity, column, value!);
        }
        return entity;
    }

    /// <summary>
    /// A row with only the named columns (those it has a value for), for the query engine's reads: no formatted
    /// values, names or columns the query does not read. Unknown names are skipped (the binder refused them already).
    /// </summary>
    public static Entity ToEntityWith(DataStore store, TableSchema schema, StoredRow row, IReadOnlyCollection<string> columns)
    {
        var entity = new Entity(schema.LogicalName, row.Id) { RowVersion = store.RowVersionText(row.Version) };
        foreach (var name in columns)
        {
            if (name == schema.PrimaryIdAttribute) entity[name] = row.Id;
            else if (schema.TryGetOrdinal(name, out var ordinal) && row.Values[ordinal] is { } stored)
                entity[name] = ValueCodec.ToSdk(schema.Columns[ordinal], stored);
        }
        return entity;
    }

    /// <summary>The ColumnSet as a set of names (null = all columns), faulting on a column the table lacks.</summary>
    public static IReadOnlyCollection<string>? Columns(TableSchema schema, ColumnSet? columnSet)
    {
        if (columnSet == null || columnSet.AllColumns) return null;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in columnSet.Columns)
        {
            if (!schema.HasColumn(name) && name != schema.PrimaryIdAttribute)
                throw Faults.Create(ErrorCodes.QueryBuilderNoAttribute,
                    $"'{schema.LogicalName}' entity doesn't contain attribute with Name = '{name}' and NameMapping = 'Logical'.");
            names.Add(name);
        }
        return names;
    }

    private static void Format(DataStore store, Transaction? txn, Entity entity, ColumnDefinition column, object value)
    {
        // Lookups get the referenced row's primary name first, as Dataverse fills it on read.
        if (value is EntityReference reference && store.Catalog.Contains(reference.LogicalName)
            && TryReadPrimaryName(store, txn, store.Catalog.Get(reference.LogicalName), reference.Id, out var name))
            reference.Name = name;
        var text = FormattedValue.For(value, column);
        if (text != null) entity.FormattedValues[column.LogicalName] = text;
    }

    /// <summary>
    /// The primary name of <paramref name="table"/>'s row <paramref name="id"/>, read straight from the stored row (no
    /// Entity for one column); false when the table has no primary name column or the row is not there.
    /// </summary>
    internal static bool TryReadPrimaryName(DataStore store, Transaction? txn, TableSchema table, Guid id, out string? name)
    {
        name = null;
        var column = table.Definition.PrimaryNameAttribute;
        if (string.IsNullOrEmpty(column) || !table.TryGetOrdinal(column, out var ordinal)) return false;
        if (store.Get(txn, table.LogicalName, id) is not { } row) return false;
        name = row.Values[ordinal] as string;
        return true;
    }
}
