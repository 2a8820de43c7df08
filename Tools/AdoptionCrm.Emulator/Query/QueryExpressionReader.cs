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
        foreach (var order in query.Orders) spec.Orders.Add(ReadOrder(order));
        foreach (var link in query.LinkEntities) spec.Links.Add(ReadLink(link));
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
        foreach (var order in query.Orders) spec.Orders.Add(ReadOrder(order));
        return spec;
    }

    /// <summary>Adds the named columns; true when the set asks for all columns.</summary>
    private static bool ReadColumns(ColumnSet? columns, List<AttributeSpec> into)
    {
        if (columns is null) return false;
        into.Capacity = columns.Columns.Count;
        foreach (var column in columns.Columns) into.Add(AttributeSpec.Plain(column));
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
        foreach (var order in link.Orders) spec.Orders.Add(ReadOrder(order));
        foreach (var child in link.LinkEntities) spec.Links.Add(ReadLink(child));
        return spec;
    }

    private static FilterSpec ReadFilter(FilterExpression? filter)
    {
        var spec = new FilterSpec();
        if (filter is null) return spec;
        spec.Operator = filter.FilterOperator;
        foreach (var condition in filter.Conditions)
        {
            var c = new ConditionSpec
            {
                EntityAlias = string.IsNullOrEmpty(condition.EntityName) ? null : condition.EntityName,
                Attribute = condition.AttributeName,
                Operator = condition.Operator,
            };
            foreach (var value in condition.Values) AddFlattened(c.Values, value);
            spec.Conditions.Add(c);
        }
        foreach (var child in filter.Filters) spec.Filters.Add(ReadFilter(child));
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
