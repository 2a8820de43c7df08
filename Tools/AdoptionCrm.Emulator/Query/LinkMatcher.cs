using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// Finds a parent row's linked rows by the join value, choosing between two indexes as SQL Server
/// would by their statistics: the linked column's index (the rows of one parent value), or an
/// Equal/In in the link's own criteria on an indexed column (the rows for every parent at once). For
/// each parent value the smaller read wins; once the criteria rows are read they are hashed by the
/// linked column and reused for every later parent, so a link such as "domain rows of this account
/// named X" reads the few rows named X instead of every domain of the account. With no usable index
/// the linked table is scanned once and hashed.
/// </summary>
internal sealed class LinkMatcher
{
    private readonly IQueryDataSource _source;
    private readonly BoundLink _link;
    private readonly (IndexableCondition Seek, int Rows)? _criteria;
    private bool? _indexed;
    private Dictionary<object, List<Entity>>? _hash;
    private Dictionary<object, List<Entity>>? _criteriaHash;

    private readonly IReadOnlyCollection<string>? _columns;

    public LinkMatcher(IQueryDataSource source, BoundLink link, IReadOnlyCollection<string>? columns = null)
    {
        _source = source;
        _link = link;
        _columns = columns;
        _criteria = IndexableCondition.MostSelective(source, Table, link.Filter, link.Target.Slot);
    }

    private string Table => _link.Target.Table.LogicalName;

    /// <summary>
    /// The linked rows whose linked column equals <paramref name="canonical"/>; when
    /// <paramref name="narrow"/>, possibly only those that also pass the link's indexed criterion (the
    /// caller evaluates the link filter on every candidate anyway).
    /// </summary>
    public IEnumerable<Entity> Find(object canonical, bool narrow)
    {
        var key = ValueNormalizer.IndexKey(canonical, _link.LinkedColumn)!;
        if (narrow && _criteria is { } criteria)
        {
            if (_criteriaHash is null)
            {
                // A criterion that finds no row reads nothing: no join-column count can make that the larger read, so the
                // count is not taken.
                var joinRows = _indexed == false || criteria.Rows == 0 ? null : _source.LookupCount(Table, _link.LinkedColumn.LogicalName, new[] { key });
                if (joinRows is null || joinRows > criteria.Rows)
                    _criteriaHash = BuildHash(_source.LookupAny(Table, criteria.Seek.Column, criteria.Seek.Keys, _columns) ?? _source.Scan(Table, _columns));
            }
            if (_criteriaHash is not null) return FromHash(_criteriaHash, canonical);
        }
        if (_indexed != false)
        {
            var hits = _source.Lookup(Table, _link.LinkedColumn.LogicalName, key, _columns);
            _indexed = hits is not null;
            if (hits is not null) return hits;
        }
        _hash ??= BuildHash(_source.Scan(Table, _columns));
        return FromHash(_hash, canonical);
    }

    private static IEnumerable<Entity> FromHash(Dictionary<object, List<Entity>> hash, object canonical) =>
        hash.TryGetValue(ValueNormalizer.HashKey(canonical)!, out var rows) ? rows : Array.Empty<Entity>();

    private Dictionary<object, List<Entity>> BuildHash(IEnumerable<Entity> rows)
    {
        var hash = new Dictionary<object, List<Entity>>();
        foreach (var entity in rows)
        {
            var key = ValueNormalizer.HashKey(RowValues.Canonical(entity, _link.LinkedColumn));
            if (key is null) continue;
            if (!hash.TryGetValue(key, out var list)) hash[key] = list = new List<Entity>();
            list.Add(entity);
        }
        return hash;
    }
}
