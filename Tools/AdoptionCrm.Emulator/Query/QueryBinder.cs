using AdoptionCrm.Emulator.Query.Model;
using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// Resolves a <see cref="QuerySpec"/> against metadata. Unknown tables and columns fault here, before
/// any row is read, as the platform rejects the query as a whole.
/// </summary>
public sealed class QueryBinder
{
    private readonly IQueryDataSource _source;
    private readonly BoundQuery _query;
    private readonly Dictionary<string, BoundTable> _aliases = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(FilterSpec Spec, int Slot, Action<BoundFilter> Set)> _pendingFilters = new();
    private readonly List<ConditionTarget>? _targets;
    private int _linkOrdinal;

    private QueryBinder(IQueryDataSource source, QuerySpec spec, List<ConditionTarget>? targets)
    {
        _source = source;
        _targets = targets;
        var root = new BoundTable(0, spec.EntityName, source.GetTable(spec.EntityName), spec.AllColumns, IsRoot: true);
        _query = new BoundQuery { Spec = spec, Root = root };
        _query.Tables.Add(root);
        _aliases[root.Alias] = root;
    }

    public static BoundQuery Bind(IQueryDataSource source, QuerySpec spec) => new QueryBinder(source, spec, null).BindAll();

    /// <summary>
    /// Binds and records, in binding order (the root filter, then each link's filter in link order, each filter's
    /// conditions before its nested filters), what every condition resolved to, so <see cref="BoundPlan"/> can bind
    /// the values of a later query of the same shape without resolving anything again.
    /// </summary>
    internal static BoundQuery Bind(IQueryDataSource source, QuerySpec spec, List<ConditionTarget> targets) =>
        new QueryBinder(source, spec, targets).BindAll();

    private BoundQuery BindAll()
    {
        var spec = _query.Spec;
        var root = _query.Root;
        BindColumns(root, spec.Attributes);
        // Links first (they define the aliases conditions may name), then every filter.
        foreach (var link in spec.Links) _query.Links.Add(BindLink(link, root));
        _query.Filter = BindFilter(spec.Filter, root.Slot);
        foreach (var (filterSpec, slot, set) in _pendingFilters) set(BindFilter(filterSpec, slot));
        foreach (var order in spec.Orders) _query.Orders.Add(BindOrder(order, root));
        foreach (var link in _query.Links) AddLinkOrders(link);
        _query.Needs = ColumnNeeds.Of(_query);
        return _query;
    }

    private BoundLink BindLink(LinkSpec spec, BoundTable parent)
    {
        _linkOrdinal++;
        // Without an alias the platform generates one: the linked table's name and the link's ordinal.
        var alias = spec.Alias ?? spec.EntityName + _linkOrdinal;
        if (_aliases.ContainsKey(alias))
            throw Faults.Create(ErrorCodes.InvalidArgument, $"Table alias '{alias}' is used more than once in the query.");
        var target = new BoundTable(_query.Tables.Count, alias, _source.GetTable(spec.EntityName), spec.AllColumns, IsRoot: false);
        _query.Tables.Add(target);
        _aliases[alias] = target;

        var link = new BoundLink
        {
            Spec = spec,
            Target = target,
            ParentSlot = parent.Slot,
            ParentColumn = Column(parent.Table, spec.ParentAttribute),
            LinkedColumn = Column(target.Table, spec.LinkedAttribute),
        };
        if (spec.Join is JoinOperator.Natural)
            throw Faults.Create(ErrorCodes.NotEmulated, "not emulated: JoinOperator.Natural");
        if (IsRowProducing(spec.Join)) BindColumns(target, spec.Attributes);
        _pendingFilters.Add((spec.Filter, target.Slot, f => link.Filter = f));
        foreach (var child in spec.Links) link.Children.Add(BindLink(child, target));
        return link;
    }

    /// <summary>Inner, outer and match-first joins add rows and columns; any/not any/all/exists/in only filter.</summary>
    public static bool IsRowProducing(JoinOperator join) =>
        join is JoinOperator.Inner or JoinOperator.LeftOuter or JoinOperator.MatchFirstRowUsingCrossApply;

    private void AddLinkOrders(BoundLink link)
    {
        foreach (var order in link.Spec.Orders) _query.Orders.Add(BindOrder(order, link.Target));
        foreach (var child in link.Children) AddLinkOrders(child);
    }

    private void BindColumns(BoundTable table, List<AttributeSpec> attributes)
    {
        foreach (var attribute in attributes)
        {
            var column = Column(table.Table, attribute.Name);
            var key = attribute.Alias ?? (table.IsRoot ? attribute.Name : table.Alias + "." + attribute.Name);
            _query.Columns.Add(new BoundColumn(table.Slot, table.Table.LogicalName, column, key, attribute));
        }
    }

    private BoundOrder BindOrder(OrderSpec order, BoundTable table)
    {
        if (!string.IsNullOrEmpty(order.Alias) && string.IsNullOrEmpty(order.Attribute))
            return new BoundOrder(table.Slot, null, order.Alias, order.Descending);
        if (string.IsNullOrEmpty(order.Attribute))
            throw Faults.Create(ErrorCodes.InvalidArgument, "An order needs an attribute or an alias.");
        return new BoundOrder(table.Slot, Column(table.Table, order.Attribute), null, order.Descending);
    }

    private BoundFilter BindFilter(FilterSpec spec, int defaultSlot)
    {
        var filter = new BoundFilter { Operator = spec.Operator };
        foreach (var condition in spec.Conditions) filter.Conditions.Add(BindCondition(condition, defaultSlot));
        foreach (var child in spec.Filters) filter.Filters.Add(BindFilter(child, defaultSlot));
        return filter;
    }

    private BoundCondition BindCondition(ConditionSpec spec, int defaultSlot)
    {
        var table = spec.EntityAlias is null ? _query.Tables[defaultSlot] : ResolveAlias(spec.EntityAlias);
        var column = Column(table.Table, spec.Attribute);
        int? otherSlot = null;
        ColumnDefinition? otherColumn = null;
        if (!string.IsNullOrEmpty(spec.ValueOf))
        {
            var dot = spec.ValueOf.IndexOf('.');
            var otherTable = dot < 0 ? table : ResolveAlias(spec.ValueOf[..dot]);
            otherSlot = otherTable.Slot;
            otherColumn = Column(otherTable.Table, dot < 0 ? spec.ValueOf : spec.ValueOf[(dot + 1)..]);
        }
        _targets?.Add(new ConditionTarget(table, column, otherSlot, otherColumn));
        return ConditionBinder.Bind(spec, table, column, otherSlot, otherColumn);
    }

    private BoundTable ResolveAlias(string alias)
    {
        if (_aliases.TryGetValue(alias, out var table)) return table;
        // ConditionExpression.EntityName may name a linked table by its logical name when that is unambiguous.
        var byName = _query.Tables.Where(t => t.Table.LogicalName == alias).ToList();
        if (byName.Count == 1) return byName[0];
        throw Faults.Create(ErrorCodes.QueryBuilderNoEntity, $"No table or link-entity with alias '{alias}' in the query.");
    }

    /// <summary>A column of the table, or the platform's "doesn't contain attribute" fault.</summary>
    public static ColumnDefinition Column(TableDefinition table, string name)
    {
        if (table.Columns.TryGetValue(name, out var column)) return column;
        if (name == table.PrimaryIdAttribute) return new ColumnDefinition(name, ColumnType.PrimaryKey);
        throw Faults.Create(ErrorCodes.QueryBuilderNoAttribute,
            $"'{table.LogicalName}' entity doesn't contain attribute with Name = '{name}' and NameMapping = 'Logical'.");
    }
}
