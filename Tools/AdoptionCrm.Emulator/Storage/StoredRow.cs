using AdoptionCrm.Emulator.Metadata;
using AdoptionCrm.Solution.Model;

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

    // The version's alternate-key composites, made on first use: a write checks, stages and indexes the same keys, and
    // each composite normalizes and joins its values. One object, so a reader on another thread sees all or none of it;
    // it is for the schema's key list it was made from (a changed schema composes afresh).
    private KeyComposites? _composites;

    /// <summary>The composite of <paramref name="key"/> for this version (KeyValues.Compose), or null when a key column is null.</summary>
    internal string? KeyComposite(TableSchema schema, KeyDefinition key)
    {
        var keys = schema.Keys;
        var composites = _composites;
        if (composites is null || !ReferenceEquals(composites.Keys, keys))
        {
            var values = new string?[keys.Count];
            for (var i = 0; i < values.Length; i++) values[i] = KeyValues.Compose(schema, keys[i], o => Values[o]);
            _composites = composites = new KeyComposites(keys, values);
        }
        for (var i = 0; i < keys.Count; i++)
            if (ReferenceEquals(keys[i], key)) return composites.Values[i];
        return KeyValues.Compose(schema, key, o => Values[o]);
    }

    private sealed record KeyComposites(IReadOnlyList<KeyDefinition> Keys, string?[] Values);
}

/// <summary>A lookup value as stored: table and id only (an SDK EntityReference carries a dictionary).</summary>
public sealed record StoredReference(string LogicalName, Guid Id);
