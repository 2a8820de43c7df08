using AdoptionCrm.Emulator.Metadata;
using AdoptionCrm.Emulator.Storage;
using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Validation;

/// <summary>
/// Checks one value against its column as Dataverse does on Create/Update, and returns its stored
/// form: type, max length, range, choice membership, lookup target table and existence,
/// SystemRequired not null. Never a silent accept.
/// </summary>
internal static class ColumnValidator
{
    public static object? Validate(DataStore store, Transaction txn, TableSchema schema, string column, object? value)
    {
        if (!schema.TryGetOrdinal(column, out var ordinal))
        {
            if (column == schema.PrimaryIdAttribute) return value;
            throw Faults.Create(ErrorCodes.QueryBuilderNoAttribute,
                $"'{schema.LogicalName}' entity doesn't contain attribute with Name = '{column}' and NameMapping = 'Logical'.");
        }
        var definition = schema.Columns[ordinal];
        if (value == null)
        {
            if (definition.RequiredLevel == RequiredLevel.SystemRequired)
                throw Faults.Create(ErrorCodes.AttributeCannotBeNull, $"Attribute: {column} cannot be set to NULL");
            return null;
        }
        var stored = ValueCodec.ToStored(schema.LogicalName, definition, value);
        switch (definition.Type)
        {
            case ColumnType.String or ColumnType.Memo when definition.MaxLength is int max && ((string)stored!).Length > max:
                throw Faults.Create(ErrorCodes.MaxLengthExceeded,
                    $"A validation error occurred. The length of the '{column}' attribute of the '{schema.LogicalName}' entity exceeded the maximum allowed length of '{max}'.");
            case ColumnType.Picklist or ColumnType.State or ColumnType.Status:
                var option = (int)stored!;
                if (definition.OptionOf(option) is null)
                    throw Faults.Create(ErrorCodes.ValueOutOfRange,
                        $"A validation error occurred. The value {option} of '{column}' on record of type '{schema.LogicalName}' is outside the valid range. Accepted Values: {string.Join(",", definition.Options.Select(o => o.Value))}");
                break;
            case ColumnType.Integer or ColumnType.BigInt or ColumnType.Decimal or ColumnType.Money or ColumnType.Double:
                var number = Convert.ToDecimal(stored, System.Globalization.CultureInfo.InvariantCulture);
                if (definition.MinValue is decimal min && number < min || definition.MaxValue is decimal maxValue && number > maxValue)
                    throw Faults.Create(ErrorCodes.ValueOutOfRange,
                        $"A validation error occurred. The value {number} of '{column}' on record of type '{schema.LogicalName}' is outside the valid range ({definition.MinValue} to {definition.MaxValue}).");
                break;
            case ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner:
                stored = ValidateReference(store, txn, schema, definition, (EntityReference)value, (StoredReference)stored!);
                break;
        }
        return stored;
    }

    private static StoredReference ValidateReference(DataStore store, Transaction txn, TableSchema schema, ColumnDefinition column, EntityReference reference, StoredReference stored)
    {
        if (!column.Targets.Contains(reference.LogicalName, StringComparer.Ordinal))
            throw Faults.Create(ErrorCodes.InvalidLookupTarget,
                $"The lookup '{column.LogicalName}' of '{schema.LogicalName}' cannot point at a '{reference.LogicalName}'; valid targets: {string.Join(", ", column.Targets)}.");
        var target = store.Catalog.Get(reference.LogicalName);
        var id = reference.Id;
        if (id == Guid.Empty && reference.KeyAttributes.Count > 0)
            id = KeyResolver.Resolve(store, txn, target, reference.KeyAttributes); // key-based references are resolved before save
        if (store.Get(txn, target.LogicalName, id) == null)
            throw Faults.Create(ErrorCodes.ObjectDoesNotExist, $"{reference.LogicalName} With Id = {id} Does Not Exist");
        return stored with { Id = id };
    }
}
