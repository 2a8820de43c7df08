using AdoptionCrm.Emulator.Query;
using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Storage;

/// <summary>
/// The query engine's view of the store as one transaction sees it. Rows are materialized as fresh
/// Entities (the store keeps compact arrays), indexed through the primary id, every lookup column and
/// single-column alternate keys; other columns return null so the engine scans.
/// </summary>
internal sealed class TransactionDataSource : IQueryDataSource
{
    private readonly EmulatedOrganization _org;
    private readonly Transaction? _txn;

    public TransactionDataSource(EmulatedOrganization org, Transaction? txn)
    {
        _org = org;
        _txn = txn;
    }

    public TableDefinition GetTable(string logicalName) => _org.Catalog.Get(logicalName).Definition;

    public IEnumerable<Entity> Scan(string logicalName)
    {
        var schema = _org.Catalog.Get(logicalName);
        return _org.Store.Scan(_txn, schema).Select(row => RowMaterializer.ToEntity(_org.Store, _txn, schema, row, null, withFormatting: false));
    }

    public IEnumerable<Entity>? Lookup(string logicalName, string column, object value)
    {
        var schema = _org.Catalog.Get(logicalName);
        Entity Materialize(StoredRow row) => RowMaterializer.ToEntity(_org.Store, _txn, schema, row, null, withFormatting: false);
        if (column == schema.PrimaryIdAttribute)
        {
            var row = value is Guid id ? _org.Store.Get(_txn, logicalName, id) : null;
            return row == null ? Array.Empty<Entity>() : new[] { Materialize(row) };
        }
        if (value is Guid target && _org.Store.ByLookup(_txn, schema, column, target) is IEnumerable<StoredRow> rows)
            return rows.Select(Materialize);
        var key = schema.Keys.FirstOrDefault(k => k.Columns.Count == 1 && k.Columns[0] == column);
        if (key != null && schema.TryGetOrdinal(column, out var ordinal))
        {
            var stored = ValueCodec.ToStored(logicalName, schema.Columns[ordinal], value);
            var found = _org.Store.FindByKey(_txn, schema, key, KeyValues.Normalize(stored!));
            var row = found is Guid id ? _org.Store.Get(_txn, logicalName, id) : null;
            return row == null ? Array.Empty<Entity>() : new[] { Materialize(row) };
        }
        return null;
    }
}
