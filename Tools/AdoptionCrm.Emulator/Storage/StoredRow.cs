namespace AdoptionCrm.Emulator.Storage;

/// <summary>
/// One committed or pending version of a row. Never mutated once handed to the store: an update
/// publishes a new StoredRow, so readers holding the old one see a consistent version.
/// Values are indexed by the table's column ordinals and hold compact forms (see ValueCodec).
/// </summary>
public sealed class StoredRow
{
    public StoredRow(Guid id, object?[] values, long version)
    {
        Id = id;
        Values = values;
        Version = version;
    }

    public Guid Id { get; }
    public object?[] Values { get; }
    public long Version { get; }

    public StoredRow With(object?[] values, long version) => new(Id, values, version);
}

/// <summary>A lookup value as stored: table and id only (an SDK EntityReference carries a dictionary).</summary>
public sealed record StoredReference(string LogicalName, Guid Id);
