using AdoptionCrm.Emulator.Query;
using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Storage;

/// <summary>
/// The query engine's view of the store as one transaction sees it. Rows are materialized as fresh
/// Entities (the store keeps compact arrays), indexed through the primary id, every lookup column and
/// the leading column of every alternate key (see IndexSeek), and read in primary id order through the
/// primary key's sorted index (ScanInKeyOrder); other columns return null so the engine scans.
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

    // The catalog is immutable once built, so a plan bound against it holds for the organization's life.
    public object? PlanScope => _org.Catalog;

    public IEnumerable<Entity> Scan(string logicalName, IReadOnlyCollection<string>? columns = null)
    {
        var schema = _org.Catalog.Get(logicalName);
        return _org.Store.Scan(_txn, schema).Select(row => Materialize(schema, row, columns));
    }

    public IEnumerable<Entity>? ScanInKeyOrder(string logicalName, PrimaryKeyRange range, IReadOnlyCollection<string>? columns = null)
    {
        var schema = _org.Catalog.Get(logicalName);
        return _org.Store.ScanInKeyOrder(_txn, schema, range).Select(row => Materialize(schema, row, columns));
    }

    public IEnumerable<Entity>? Lookup(string logicalName, string column, object value, IReadOnlyCollection<string>? columns = null) =>
        LookupAny(logicalName, column, new[] { value }, columns);

    public IEnumerable<Entity>? LookupAny(string logicalName, string column, IReadOnlyCollection<object> values, IReadOnlyCollection<string>? columns = null)
    {
        var schema = _org.Catalog.Get(logicalName);
        return _org.Store.Seek(_txn, schema, column, values)?.Select(row => Materialize(schema, row, columns));
    }

    // Straight from the stored row, as Retrieve fills a lookup's name.
    public bool TryReadPrimaryName(string logicalName, Guid id, out string? name) =>
        RowMaterializer.TryReadPrimaryName(_org.Store, _txn, _org.Catalog.Get(logicalName), id, out name);

    private Entity Materialize(Metadata.TableSchema schema, StoredRow row, IReadOnlyCollection<string>? columns) =>
        columns is null
            ? RowMaterializer.ToEntity(_org.Store, _txn, schema, row, null, withFormatting: false)
            : RowMaterializer.ToEntityWith(_org.Store, schema, row, columns);

    public int? LookupCount(string logicalName, string column, IReadOnlyCollection<object> values) =>
        _org.Store.SeekCount(_txn, _org.Catalog.Get(logicalName), column, values);
}
