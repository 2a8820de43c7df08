using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// Produces the filtered joined rows of a bound query. The root rows come from an index when the
/// top-level filter pins an indexed column with Equal, so such a query never scans the table;
/// links use the linked column's index when there is one and otherwise hash the linked table once.
/// </summary>
public sealed class JoinExecutor
{
    private readonly IQueryDataSource _source;
    private readonly BoundQuery _query;
    private readonly ConditionEvaluator _evaluator;
    private readonly Dictionary<BoundLink, LinkMatcher> _matchers = new();

    public JoinExecutor(IQueryDataSource source, BoundQuery query, ConditionEvaluator evaluator)
    {
        _source = source;
        _query = query;
        _evaluator = evaluator;
    }

    public List<Entity?[]> Execute()
    {
        var result = new List<Entity?[]>();
        foreach (var root in RootRows())
        {
            var row = new Entity?[_query.Tables.Count];
            row[0] = root;
            IEnumerable<Entity?[]> rows = new[] { row };
            foreach (var link in _query.Links) rows = rows.SelectMany(r => Apply(r, link)).ToList();
            foreach (var joined in rows)
                if (_evaluator.Matches(_query.Filter, joined)) result.Add(joined);
        }
        return result;
    }

    private IEnumerable<Entity> RootRows()
    {
        var table = _query.Root.Table.LogicalName;
        if (_query.Filter.Operator == LogicalOperator.And)
        {
            foreach (var condition in _query.Filter.Conditions)
            {
                if (condition is not { Slot: 0, Operator: ConditionOperator.Equal, OtherSlot: null } || condition.Values[0] is null) continue;
                var hits = _source.Lookup(table, condition.Column.LogicalName, ValueNormalizer.IndexKey(condition.Values[0], condition.Column)!);
                if (hits is not null) return hits;
            }
        }
        return _source.Scan(table);
    }

    private IEnumerable<Entity?[]> Apply(Entity?[] row, BoundLink link)
    {
        switch (link.Spec.Join)
        {
            case JoinOperator.Inner:
                return Expand(row, link);
            case JoinOperator.LeftOuter:
                var outer = Expand(row, link);
                return outer.Count > 0 ? outer : new[] { row };
            case JoinOperator.MatchFirstRowUsingCrossApply:
                return Expand(row, link).Take(1);
            case JoinOperator.Any or JoinOperator.Exists or JoinOperator.In or JoinOperator.NotAll:
                // Semi-joins keep the parent row once and add no columns; "not all" behaves like "any".
                return Expand(row, link).Count > 0 ? new[] { row } : Array.Empty<Entity?[]>();
            case JoinOperator.NotAny:
                return Expand(row, link).Count == 0 ? new[] { row } : Array.Empty<Entity?[]>();
            case JoinOperator.All:
                // "all": related rows exist, and none of them matches the link's filter.
                var related = Candidates(row, link).Any();
                return related && Expand(row, link).Count == 0 ? new[] { row } : Array.Empty<Entity?[]>();
            default:
                throw Faults.Create(ErrorCodes.NotEmulated, $"not emulated: JoinOperator.{link.Spec.Join}");
        }
    }

    /// <summary>Every joined row this link (and its own links) produces for the parent row.</summary>
    private List<Entity?[]> Expand(Entity?[] row, BoundLink link)
    {
        var result = new List<Entity?[]>();
        foreach (var candidate in Candidates(row, link))
        {
            var joined = (Entity?[])row.Clone();
            joined[link.Target.Slot] = candidate;
            if (!_evaluator.Matches(link.Filter, joined)) continue;
            IEnumerable<Entity?[]> rows = new[] { joined };
            foreach (var child in link.Children) rows = rows.SelectMany(r => Apply(r, child)).ToList();
            result.AddRange(rows);
        }
        return result;
    }

    private IEnumerable<Entity> Candidates(Entity?[] row, BoundLink link)
    {
        var value = RowValues.Canonical(row[link.ParentSlot], link.ParentColumn);
        if (value is null) return Array.Empty<Entity>();
        if (!_matchers.TryGetValue(link, out var matcher))
            _matchers[link] = matcher = new LinkMatcher(_source, link);
        return matcher.Find(value);
    }

    /// <summary>Finds linked rows by value: through the data source's index, or a hash built on first use.</summary>
    private sealed class LinkMatcher
    {
        private readonly IQueryDataSource _source;
        private readonly BoundLink _link;
        private bool? _indexed;
        private Dictionary<object, List<Entity>>? _hash;

        public LinkMatcher(IQueryDataSource source, BoundLink link)
        {
            _source = source;
            _link = link;
        }

        public IEnumerable<Entity> Find(object canonical)
        {
            if (_indexed != false)
            {
                var hits = _source.Lookup(_link.Target.Table.LogicalName, _link.LinkedColumn.LogicalName,
                    ValueNormalizer.IndexKey(canonical, _link.LinkedColumn)!);
                _indexed = hits is not null;
                if (hits is not null) return hits;
            }
            _hash ??= BuildHash();
            return _hash.TryGetValue(ValueNormalizer.HashKey(canonical)!, out var rows) ? rows : Array.Empty<Entity>();
        }

        private Dictionary<object, List<Entity>> BuildHash()
        {
            var hash = new Dictionary<object, List<Entity>>();
            foreach (var entity in _source.Scan(_link.Target.Table.LogicalName))
            {
                var key = ValueNormalizer.HashKey(RowValues.Canonical(entity, _link.LinkedColumn));
                if (key is null) continue;
                if (!hash.TryGetValue(key, out var list)) hash[key] = list = new List<Entity>();
                list.Add(entity);
            }
            return hash;
        }
    }
}
