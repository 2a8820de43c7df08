using System.Globalization;
using AdoptionCrm.Solution.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// The system query options of a collection or single-row GET ($select, $filter, $orderby, $top,
/// $count, $skiptoken), validated against the table and turned into a QueryExpression. Options
/// Dataverse does not support ($skip) or the emulator does not serve ($expand, $apply, …) are refused
/// by name.
/// </summary>
public sealed class CollectionQuery
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal) { "$select", "$filter", "$orderby", "$top", "$count", "$skiptoken" };
    private static readonly HashSet<string> NotServed = new(StringComparer.Ordinal) { "$expand", "$apply", "$search", "$compute", "$levels", "$index", "$format", "$schemaversion" };

    public required TableDefinition Table { get; init; }

    /// <summary>The selected columns in request order; null when there is no $select (all columns).</summary>
    public IReadOnlyList<ColumnDefinition>? Select { get; init; }
    public FilterExpression? Filter { get; init; }
    public IReadOnlyList<OrderExpression> Orders { get; init; } = Array.Empty<OrderExpression>();
    public int? Top { get; init; }
    public bool Count { get; init; }
    public SkipToken? Skip { get; init; }

    public static CollectionQuery Parse(IQueryCollection query, TableDefinition table, bool single)
    {
        foreach (var key in query.Keys)
        {
            if (key == "$skip") throw WebApiException.BadRequest("The query parameter $skip is not supported; page with Prefer: odata.maxpagesize and @odata.nextLink.");
            if (NotServed.Contains(key)) throw WebApiException.NotImplemented($"the query option {key}");
            if (key.StartsWith('$') && !Known.Contains(key)) throw WebApiException.BadRequest($"The query parameter {key} is not supported.");
            if (single && key is not "$select" && Known.Contains(key)) throw WebApiException.BadRequest($"The query option {key} cannot be used on a single row.");
        }
        return new CollectionQuery
        {
            Table = table,
            Select = One(query, "$select") is { } select ? ParseSelect(select, table) : null,
            Filter = One(query, "$filter") is { } filter ? FilterTranslator.Translate(FilterParser.Parse(filter), table) : null,
            Orders = One(query, "$orderby") is { } orderBy ? ParseOrderBy(orderBy, table) : Array.Empty<OrderExpression>(),
            Top = One(query, "$top") is { } top ? ParseTop(top) : null,
            Count = One(query, "$count") is { } count && ParseBool(count, "$count"),
            Skip = One(query, "$skiptoken") is { } skip ? SkipToken.Parse(skip) : null,
        };
    }

    /// <summary>The columns to read: the selected ones plus versionnumber (for @odata.etag).</summary>
    public ColumnSet ColumnSet()
    {
        if (Select is null) return new ColumnSet(true);
        var names = Select.Select(c => c.LogicalName).ToList();
        if (Table.Columns.ContainsKey("versionnumber") && !names.Contains("versionnumber")) names.Add("versionnumber");
        return new ColumnSet(names.Distinct().ToArray());
    }

    /// <summary>The RetrieveMultiple query for one page of this request.</summary>
    public QueryExpression ToQueryExpression(int pageSize)
    {
        var query = new QueryExpression(Table.LogicalName) { ColumnSet = ColumnSet() };
        if (Filter is not null) query.Criteria = Filter;
        foreach (var order in Orders) query.Orders.Add(order);
        if (Top is int top) query.TopCount = top;
        else
        {
            query.PageInfo = new PagingInfo
            {
                Count = pageSize, PageNumber = Skip?.PageNumber ?? 1, PagingCookie = Skip?.PagingCookie,
                ReturnTotalRecordCount = Count,
            };
        }
        return query;
    }

    private static string? One(IQueryCollection query, string key)
    {
        if (!query.TryGetValue(key, out var values)) return null;
        if (values.Count > 1) throw WebApiException.BadRequest($"The query option {key} was specified more than once.");
        return values[0];
    }

    private static List<ColumnDefinition> ParseSelect(string text, TableDefinition table)
    {
        var names = text.Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(n => n.Length == 0)) throw WebApiException.BadRequest($"The $select '{text}' has an empty item.");
        if (names.Any(n => n.Contains('/') || n.Contains('('))) throw WebApiException.NotImplemented($"$select of navigation paths or expressions ('{text}')");
        if (names.Contains("*")) return table.Columns.Values.ToList();
        return names.Select(n => n == table.PrimaryIdAttribute ? table.Columns[n] : EntitySetMap.Resolve(table, n)).Distinct().ToList();
    }

    private static List<OrderExpression> ParseOrderBy(string text, TableDefinition table)
    {
        var orders = new List<OrderExpression>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is 0 or > 2) throw WebApiException.BadRequest($"Syntax error in $orderby '{text}' at '{item}'.");
            var direction = parts.Length == 1 ? "asc" : parts[1];
            if (direction is not ("asc" or "desc")) throw WebApiException.BadRequest($"Syntax error in $orderby: '{parts[1]}' is not asc or desc.");
            if (parts[0].Contains('/') || parts[0].Contains('(')) throw WebApiException.NotImplemented($"$orderby on navigation paths or expressions ('{parts[0]}')");
            var column = parts[0] == table.PrimaryIdAttribute ? table.Columns[parts[0]] : EntitySetMap.Resolve(table, parts[0]);
            orders.Add(new OrderExpression(column.LogicalName, direction == "desc" ? OrderType.Descending : OrderType.Ascending));
        }
        return orders;
    }

    private static int ParseTop(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var top)
            ? top
            : throw WebApiException.BadRequest($"Invalid value '{text}' for $top query option found. The $top query option requires a non-negative integer value.");

    private static bool ParseBool(string text, string option) => text switch
    {
        "true" => true,
        "false" => false,
        _ => throw WebApiException.BadRequest($"Invalid value '{text}' for {option}; it must be true or false."),
    };
}
