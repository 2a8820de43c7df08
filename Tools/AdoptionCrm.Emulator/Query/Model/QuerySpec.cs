namespace AdoptionCrm.Emulator.Query.Model;

/// <summary>
/// The engine's own query model. QueryExpression, QueryByAttribute and FetchXML are all read into
/// this one shape, so every feature is evaluated by a single engine instead of one per syntax
/// (the reason FetchXML-only features get lost in tools that convert FetchXML to QueryExpression).
/// </summary>
public sealed class QuerySpec
{
    public required string EntityName { get; init; }
    public bool AllColumns { get; set; }
    public List<AttributeSpec> Attributes { get; } = new();
    public FilterSpec Filter { get; set; } = new();
    public List<LinkSpec> Links { get; } = new();
    public List<OrderSpec> Orders { get; } = new();
    public int? Top { get; set; }
    public int PageSize { get; set; }
    public int PageNumber { get; set; }
    public string? PagingCookie { get; set; }
    public bool ReturnTotalRecordCount { get; set; }
    public bool Distinct { get; set; }
    public bool Aggregate { get; set; }

    /// <summary>FetchXML aggregatelimit: lowers the 50,000-row aggregate limit.</summary>
    public int? AggregateLimit { get; set; }

    /// <summary>True when the query came from FetchXML (it has its own paging-cookie format name).</summary>
    public bool FromFetchXml { get; set; }
}
