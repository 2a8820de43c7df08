using AdoptionCrm.Emulator.Metadata;
using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// Turns a joined row into the Entity the caller gets: a copy with Id and LogicalName, the asked
/// columns plus the primary key, linked columns as AliasedValue under "alias.column", lookup names
/// and formatted values for choices, booleans, Money and lookups.
/// </summary>
public sealed class ResultProjector
{
    private readonly IQueryDataSource _source;
    private readonly BoundQuery _query;
    // Made on the first lookup name: most queries read no lookup column.
    private Dictionary<(string, Guid), string?>? _names;

    public ResultProjector(IQueryDataSource source, BoundQuery query)
    {
        _source = source;
        _query = query;
    }

    public Entity Project(Entity?[] row)
    {
        var root = row[0]!;
        var table = _query.Root.Table;
        // Each row of a query carries its RowVersion, as a Retrieve does (the Web API: each row's @odata.etag); the SDK
        // docs do not say so, and EmulatorOptions.QueryRowsCarryRowVersion = false shows the other answer (RetrieveMultipleHandler).
        var result = new Entity(table.LogicalName, root.Id) { RowVersion = root.RowVersion };
        if (_query.Root.AllColumns)
            foreach (var pair in root.Attributes) Put(result, pair.Key, ColumnOf(table, pair.Key), pair.Value, null);
        foreach (var linked in _query.Tables)
        {
            if (linked.IsRoot || !linked.AllColumns || row[linked.Slot] is not { } entity) continue;
            foreach (var pair in entity.Attributes)
                Put(result, linked.Alias + "." + pair.Key, ColumnOf(linked.Table, pair.Key), pair.Value, linked.Table.LogicalName);
        }
        foreach (var column in _query.Columns)
        {
            var value = RowValues.Raw(row[column.Slot], column.Column);
            // Linked columns, and any column the query gave an alias, come back as AliasedValue.
            var aliased = column.Slot != 0 || column.Spec.Alias is not null;
            Put(result, column.ResultKey, column.Column, value, aliased ? column.TableName : null);
        }
        result[table.PrimaryIdAttribute] = root.Id;
        return result;
    }

    private void Put(Entity result, string key, ColumnDefinition? column, object? value, string? aliasedTable)
    {
        if (value is null) return;
        var copy = ValueCopier.Copy(value);
        if (copy is EntityReference reference && reference.Name is null) reference.Name = NameOf(reference);
        var formatted = FormattedValue.For(copy, column);
        result[key] = aliasedTable is null ? copy : new AliasedValue(aliasedTable, column?.LogicalName ?? key, copy);
        if (formatted is not null) result.FormattedValues[key] = formatted;
    }

    private static ColumnDefinition? ColumnOf(TableDefinition table, string name) =>
        table.Columns.TryGetValue(name, out var column) ? column : null;

    /// <summary>The referenced row's primary name, as Dataverse fills EntityReference.Name on read.</summary>
    private string? NameOf(EntityReference reference)
    {
        if (string.IsNullOrEmpty(reference.LogicalName)) return null;
        _names ??= new Dictionary<(string, Guid), string?>();
        if (_names.TryGetValue((reference.LogicalName, reference.Id), out var cached)) return cached;
        string? name = null;
        try
        {
            _source.TryReadPrimaryName(reference.LogicalName, reference.Id, out name);
        }
        catch (System.ServiceModel.FaultException)
        {
            // A reference to a table the metadata does not know: leave the name empty rather than fail the read.
        }
        _names[(reference.LogicalName, reference.Id)] = name;
        return name;
    }
}
