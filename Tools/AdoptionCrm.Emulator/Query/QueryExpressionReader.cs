using System.Collections;
using AdoptionCrm.Emulator.Query.Model;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Query;

/// <summary>Reads QueryExpression and QueryByAttribute into the engine's <see cref="QuerySpec"/>.</summary>
public static class QueryExpressionReader
{
    public static QuerySpec Read(QueryExpression query)
    {
        if (string.IsNullOrEmpty(query.EntityName))
            throw Faults.Create(ErrorCodes.InvalidArgument, "QueryExpression.EntityName is required.");
        var spec = new QuerySpec
        {
            EntityName = query.EntityName,
            Distinct = query.Distinct,
            Top = query.TopCount,
            Filter = ReadFilter(query.Criteria),
        };
        spec.AllColumns = ReadColumns(query.ColumnSet, spec.Attributes);
        ReadPaging(query.PageInfo, spec);
        ReadOrders(query.Orders, spec.Orders);
        for (var i = 0; i < query.LinkEntities.Count; i++) spec.Links.Add(ReadLink(query.LinkEntities[i]));
        return spec;
    }

    public static QuerySpec Read(QueryByAttribute query)
    {
        if (string.IsNullOrEmpty(query.EntityName))
            throw Faults.Create(ErrorCodes.InvalidArgument, "QueryByAttribute.EntityName is required.");
        if (query.Attributes.Count != query.Values.Count)
            throw Faults.Create(ErrorCodes.InvalidArgument, "QueryByAttribute must have the same number of attributes and values.");
        var spec = new QuerySpec { EntityName = query.EntityName, Top = query.TopCount };
        spec.AllColumns = ReadColumns(query.ColumnSet, spec.Attributes);
        ReadPaging(query.PageInfo, spec);
        for (var i = 0; i < query.Attributes.Count; i++)
        {
            // QueryByAttribute is equality only; a null value can only mean "is null".
            var value = query.Values[i];
            var condition = new ConditionSpec
            {
                Attribute = query.Attributes[i],
                Operator = value is null ? ConditionOperator.Null : ConditionOperator.Equal,
            };
            if (value is not null) condition.Values.Add(value);
            spec.Filter.Conditions.Add(condition);
        }
        ReadOrders(query.Orders, spec.Orders);
        return spec;
    }

    /// <summary>Adds the named columns; true when the set asks for all columns.</summary>
    private static bool ReadColumns(ColumnSet? columns, List<AttributeSpec> into)
    {
        if (columns is null) return false;
        var names = columns.Columns;
        into.Capacity = names.Count;
        for (var i = 0; i < names.Count; i++) into.Add(AttributeSpec.Plain(names[i]));
        return columns.AllColumns;
    }

    private static void ReadPaging(PagingInfo? paging, QuerySpec spec)
    {
        if (paging is null) return;
        spec.PageSize = paging.Count;
        spec.PageNumber = paging.PageNumber;
        spec.PagingCookie = paging.PagingCookie;
        spec.ReturnTotalRecordCount = paging.ReturnTotalRecordCount;
    }

    private static void ReadOrders(IList<OrderExpression> orders, List<OrderSpec> into)
    {
        for (var i = 0; i < orders.Count; i++) into.Add(ReadOrder(orders[i]));
    }

    private static OrderSpec ReadOrder(OrderExpression order) =>
        new() { Attribute = order.AttributeName, Alias = order.Alias, Descending = order.OrderType == OrderType.Descending };

    private static LinkSpec ReadLink(LinkEntity link)
    {
        var spec = new LinkSpec
        {
            EntityName = link.LinkToEntityName,
            ParentAttribute = link.LinkFromAttributeName,
            LinkedAttribute = link.LinkToAttributeName,
            Join = link.JoinOperator,
            Alias = string.IsNullOrEmpty(link.EntityAlias) ? null : link.EntityAlias,
            Filter = ReadFilter(link.LinkCriteria),
        };
        spec.AllColumns = ReadColumns(link.Columns, spec.Attributes);
        ReadOrders(link.Orders, spec.Orders);
        for (var i = 0; i < link.LinkEntities.Count; i++) spec.Links.Add(ReadLink(link.LinkEntities[i]));
        return spec;
    }

    private static FilterSpec ReadFilter(FilterExpression? filter)
    {
        var spec = new FilterSpec();
        if (filter is null) return spec;
        spec.Operator = filter.FilterOperator;
        // Indexed, not foreach: the SDK's collections hand out a boxed enumerator, and every plug-in query passes here.
        for (var i = 0; i < filter.Conditions.Count; i++)
        {
            var condition = filter.Conditions[i];
            var c = new ConditionSpec
            {
                EntityAlias = string.IsNullOrEmpty(condition.EntityName) ? null : condition.EntityName,
                Attribute = condition.AttributeName,
                Operator = condition.Operator,
            };
            for (var v = 0; v < condition.Values.Count; v++) AddFlattened(c.Values, condition.Values[v]);
            spec.Conditions.Add(c);
        }
        for (var i = 0; i < filter.Filters.Count; i++) spec.Filters.Add(ReadFilter(filter.Filters[i]));
        return spec;
    }

    /// <summary>
    /// `new ConditionExpression("x", In, new[] { 1, 2 })` binds the array as one value (params of
    /// object[] does not expand an int[]); the platform treats it as the list, so we flatten it.
    /// </summary>
    private static void AddFlattened(List<object?> into, object? value)
    {
        if (value is IEnumerable list and not string and not byte[])
            foreach (var item in list) into.Add(item);
        else
            into.Add(value);
    }
}
