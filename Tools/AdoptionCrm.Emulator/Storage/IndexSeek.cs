using AdoptionCrm.Emulator.Metadata;

namespace AdoptionCrm.Emulator.Storage;

/// <summary>
/// How to read "column in (values)" through an index: the primary id, a lookup column's index, or an
/// alternate key's leading column (a one-column key, or the first column of a composite key, as SQL
/// Server seeks on a prefix of a unique index). CommittedIds probes the committed index; Matches
/// re-checks a pending (uncommitted) row version, which the committed index does not know about.
/// </summary>
internal sealed class IndexSeek
{
    private IndexSeek(Func<TableStore, IEnumerable<Guid>> committedIds, Func<StoredRow, bool> matches)
    {
        CommittedIds = committedIds;
        Matches = matches;
    }

    public Func<TableStore, IEnumerable<Guid>> CommittedIds { get; }
    public Func<StoredRow, bool> Matches { get; }

    /// <summary>Null when the column has no index or a value is not of the indexed kind (the caller scans).</summary>
    public static IndexSeek? For(TableSchema schema, string column, IReadOnlyCollection<object> values)
    {
        if (column == schema.PrimaryIdAttribute)
        {
            if (!values.All(v => v is Guid)) return null;
            var ids = values.Cast<Guid>().ToHashSet();
            return new IndexSeek(_ => ids, row => ids.Contains(row.Id));
        }
        if (!schema.TryGetOrdinal(column, out var ordinal)) return null;
        if (TableSchema.IsReference(schema.Columns[ordinal].Type))
        {
            if (!values.All(v => v is Guid)) return null;
            var targets = values.Cast<Guid>().ToHashSet();
            return new IndexSeek(store => targets.SelectMany(t => store.IdsByLookup(ordinal, t)),
                row => row.Values[ordinal] is StoredReference r && targets.Contains(r.Id));
        }
        var key = schema.Keys.FirstOrDefault(k => k.Columns[0] == column);
        if (key == null) return null;
        var leading = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
            if (ValueCodec.ToStored(schema.LogicalName, schema.Columns[ordinal], value) is { } stored) leading.Add(KeyValues.Normalize(stored));
        return new IndexSeek(store => leading.SelectMany(l => store.IdsByLeading(key, l)),
            row => row.Values[ordinal] is { } v && leading.Contains(KeyValues.Normalize(v)));
    }
}
