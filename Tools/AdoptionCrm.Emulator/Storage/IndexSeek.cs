using AdoptionCrm.Emulator.Metadata;
using AdoptionCrm.Solution.Model;

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
    /// <remarks>One value (a link to its parent, a lookup's rows, a key's row) is read without a set: it is most seeks.</remarks>
    public static IndexSeek? For(TableSchema schema, string column, IReadOnlyCollection<object> values)
    {
        var single = values.Count == 1 ? (values is IReadOnlyList<object> list ? list[0] : values.First()) : null;
        if (column == schema.PrimaryIdAttribute)
        {
            if (single is Guid onlyId)
            {
                var one = new[] { onlyId };
                return new IndexSeek(_ => one, row => row.Id == onlyId);
            }
            if (!AllGuids(values)) return null;
            var ids = new HashSet<Guid>();
            foreach (var v in values) ids.Add((Guid)v);
            return new IndexSeek(_ => ids, row => ids.Contains(row.Id));
        }
        if (!schema.TryGetOrdinal(column, out var ordinal)) return null;
        if (TableSchema.IsReference(schema.Columns[ordinal].Type))
        {
            if (single is Guid onlyTarget)
                return new IndexSeek(store => store.IdsByLookup(ordinal, onlyTarget), row => row.Values[ordinal] is StoredReference r && r.Id == onlyTarget);
            if (!AllGuids(values)) return null;
            var targets = new HashSet<Guid>();
            foreach (var v in values) targets.Add((Guid)v);
            return new IndexSeek(store => targets.SelectMany(t => store.IdsByLookup(ordinal, t)),
                row => row.Values[ordinal] is StoredReference r && targets.Contains(r.Id));
        }
        var key = LeadingKey(schema, column);
        if (key == null) return null;
        if (values.Count == 1)
        {
            if (ValueCodec.ToStored(schema.LogicalName, schema.Columns[ordinal], single) is not { } stored)
                return new IndexSeek(_ => Array.Empty<Guid>(), _ => false);
            var onlyLeading = KeyValues.Normalize(stored);
            return new IndexSeek(store => store.IdsByLeading(key, onlyLeading),
                row => row.Values[ordinal] is { } v && string.Equals(KeyValues.Normalize(v), onlyLeading, StringComparison.Ordinal));
        }
        var leading = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
            if (ValueCodec.ToStored(schema.LogicalName, schema.Columns[ordinal], value) is { } stored) leading.Add(KeyValues.Normalize(stored));
        return new IndexSeek(store => leading.SelectMany(l => store.IdsByLeading(key, l)),
            row => row.Values[ordinal] is { } v && leading.Contains(KeyValues.Normalize(v)));
    }

    private static bool AllGuids(IReadOnlyCollection<object> values)
    {
        foreach (var v in values) if (v is not Guid) return false;
        return true;
    }

    private static KeyDefinition? LeadingKey(TableSchema schema, string column)
    {
        foreach (var key in schema.Keys) if (key.Columns[0] == column) return key;
        return null;
    }
}
