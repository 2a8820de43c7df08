using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// Produces the filtered joined rows of a bound query. The root rows come from an index when the
/// top-level filter pins an indexed column with Equal or In (the most selective such index when there
/// are several), so such a query never scans the table; links find their rows through
/// <see cref="LinkMatcher"/>.
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

    public List<Entity?[]> Execute() => Join(RootRows()).ToList();

    /// <summary>
    /// The filtered joined rows with the root rows read in primary id order through the key's sorted index,
    /// lazily, so a caller that needs one page stops after it; null when the source has no such index.
    /// </summary>
    public IEnumerable<Entity?[]>? ExecuteInKeyOrder(PrimaryKeyRange range) =>
        _source.ScanInKeyOrder(_query.Root.Table.LogicalName, range, _query.NeedsOf(0)) is { } roots ? Join(roots) : null;

    private IEnumerable<Entity?[]> Join(IEnumerable<Entity> roots)
    {
        foreach (var root in roots)
        {
            var row = new Entity?[_query.Tables.Count];
            row[0] = root;
            if (_query.Links.Count == 0)
            {
                if (_evaluator.Matches(_query.Filter, row)) yield return row;
                continue;
            }
            foreach (var joined in Through(row, _query.Links))
                if (_evaluator.Matches(_query.Filter, joined)) yield return joined;
        }
    }

    private IEnumerable<Entity> RootRows()
    {
        var table = _query.Root.Table.LogicalName;
        if (IndexableCondition.MostSelective(_source, table, _query.Filter, 0) is { } best
            && _source.LookupAny(table, best.Seek.Column, best.Seek.Keys, _query.NeedsOf(0)) is { } hits)
            return hits;
        return _source.Scan(table, _query.NeedsOf(0));
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
                var related = Candidates(row, link, narrow: false).Any();
                return related && Expand(row, link).Count == 0 ? new[] { row } : Array.Empty<Entity?[]>();
            default:
                throw Faults.Create(ErrorCodes.NotEmulated, $"not emulated: JoinOperator.{link.Spec.Join}");
        }
    }

    /// <summary>Every joined row this link (and its own links) produces for the parent row.</summary>
    private List<Entity?[]> Expand(Entity?[] row, BoundLink link)
    {
        var result = new List<Entity?[]>();
        foreach (var candidate in Candidates(row, link, narrow: true))
        {
            var joined = (Entity?[])row.Clone();
            joined[link.Target.Slot] = candidate;
            if (!_evaluator.Matches(link.Filter, joined)) continue;
            if (link.Children.Count == 0) result.Add(joined);
            else result.AddRange(Through(joined, link.Children));
        }
        return result;
    }

    /// <summary>The rows <paramref name="row"/> becomes through each of <paramref name="links"/> in turn.</summary>
    private List<Entity?[]> Through(Entity?[] row, List<BoundLink> links)
    {
        var rows = new List<Entity?[]> { row };
        foreach (var link in links)
        {
            var next = new List<Entity?[]>();
            foreach (var r in rows) next.AddRange(Apply(r, link));
            rows = next;
        }
        return rows;
    }

    /// <summary>The linked rows for the parent row; narrow: only those that may match the link's own criteria.</summary>
    private IEnumerable<Entity> Candidates(Entity?[] row, BoundLink link, bool narrow)
    {
        var value = RowValues.Canonical(row[link.ParentSlot], link.ParentColumn);
        if (value is null) return Array.Empty<Entity>();
        if (!_matchers.TryGetValue(link, out var matcher))
            _matchers[link] = matcher = new LinkMatcher(_source, link, _query.NeedsOf(link.Target.Slot));
        return matcher.Find(value, narrow);
    }
}
