using AdoptionCrm.Emulator.Query.Model;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// A bound query with its condition values taken out: the tables, columns, joins, orders and column needs that
/// depend only on the query's shape (<see cref="QueryShape"/>) and the metadata. A later query of the same shape
/// gets a fresh <see cref="BoundQuery"/> that shares these read-only parts and binds only its own condition values
/// (<see cref="ConditionBinder"/>, so a wrong value or count faults exactly as on a first bind).
/// </summary>
internal sealed class BoundPlan
{
    private readonly BoundQuery _template;
    private readonly IReadOnlyList<ConditionTarget> _targets;

    public BoundPlan(BoundQuery template, IReadOnlyList<ConditionTarget> targets, QueryShape.Recorded shape)
    {
        _template = template;
        _targets = targets;
        Shape = shape;
    }

    /// <summary>The shape the plan was bound for: a query is given the plan only when its own shape matches this.</summary>
    public QueryShape.Recorded Shape { get; }

    public BoundQuery For(QuerySpec spec)
    {
        var query = new BoundQuery { Spec = spec, Root = _template.Root, Needs = _template.Needs };
        query.Tables.AddRange(_template.Tables);
        query.Columns.AddRange(_template.Columns);
        query.Orders.AddRange(_template.Orders);
        var links = new List<(BoundLink Link, LinkSpec Spec)>();
        for (var i = 0; i < spec.Links.Count; i++) query.Links.Add(Link(_template.Links[i], spec.Links[i], links));
        var next = 0;
        query.Filter = Filter(spec.Filter, ref next);
        foreach (var (link, linkSpec) in links) link.Filter = Filter(linkSpec.Filter, ref next);
        return query;
    }

    // The link tree copied in binding order (a link before its children), so link filters bind in that order too.
    private static BoundLink Link(BoundLink template, LinkSpec spec, List<(BoundLink, LinkSpec)> order)
    {
        var link = new BoundLink
        {
            Spec = spec,
            Target = template.Target,
            ParentSlot = template.ParentSlot,
            ParentColumn = template.ParentColumn,
            LinkedColumn = template.LinkedColumn,
        };
        order.Add((link, spec));
        for (var i = 0; i < spec.Links.Count; i++) link.Children.Add(Link(template.Children[i], spec.Links[i], order));
        return link;
    }

    private BoundFilter Filter(FilterSpec spec, ref int next)
    {
        var filter = new BoundFilter { Operator = spec.Operator };
        foreach (var condition in spec.Conditions)
        {
            var target = _targets[next++];
            filter.Conditions.Add(ConditionBinder.Bind(condition, target.Table, target.Column, target.OtherSlot, target.OtherColumn));
        }
        foreach (var child in spec.Filters) filter.Filters.Add(Filter(child, ref next));
        return filter;
    }
}
