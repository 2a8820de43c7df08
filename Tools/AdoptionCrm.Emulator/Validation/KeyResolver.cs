using AdoptionCrm.Emulator.Metadata;
using AdoptionCrm.Emulator.Storage;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Validation;

/// <summary>Finds a row by KeyAttributes through the alternate-key hash index (O(1), whatever the table size).</summary>
internal static class KeyResolver
{
    /// <summary>The row id for the key values, or Dataverse's not-found fault.</summary>
    public static Guid Resolve(DataStore store, Transaction? txn, TableSchema schema, KeyAttributeCollection keyAttributes) =>
        TryResolve(store, txn, schema, keyAttributes)
        ?? throw Faults.Create(ErrorCodes.ObjectDoesNotExist,
            $"A record with the specified key values does not exist in {schema.LogicalName} entity ({Describe(keyAttributes)})");

    public static Guid? TryResolve(DataStore store, Transaction? txn, TableSchema schema, KeyAttributeCollection keyAttributes)
    {
        var names = keyAttributes.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        var key = schema.Keys.FirstOrDefault(k => k.Columns.Count == names.Count && k.Columns.All(names.Contains))
            ?? throw Faults.Create(ErrorCodes.InvalidArgument,
                $"The specified key attributes ({string.Join(", ", names)}) are not a defined key for the {schema.LogicalName} entity.");
        var stored = new Dictionary<int, object?>();
        foreach (var (column, value) in keyAttributes)
        {
            var ordinal = schema.OrdinalOf(column);
            stored[ordinal] = ValueCodec.ToStored(schema.LogicalName, schema.Columns[ordinal], value);
        }
        var composite = KeyValues.Compose(schema, key, o => stored[o]);
        return composite == null ? null : store.FindByKey(txn, schema, key, composite);
    }

    public static string Describe(KeyAttributeCollection keys) => string.Join(", ", keys.Select(k => $"{k.Key}={k.Value}"));
}
