using AdoptionCrm.Emulator.Query.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// RetrieveMultiple for QueryExpression, QueryByAttribute and FetchXML, evaluated natively over an
/// <see cref="IQueryDataSource"/>: read into one model, bind to metadata, join and filter, then
/// aggregate or sort, page and project copies. A query ordered by its primary key reads that key's sorted
/// index and only as many rows as its page needs (<see cref="KeyOrderPlan"/>).
/// </summary>
public sealed class QueryEngine
{
    /// <summary>ReturnTotalRecordCount counts up to this many rows and then sets TotalRecordCountLimitExceeded.</summary>
    public const int TotalRecordCountLimit = 5000;

    private readonly CountingQuerySource _source;

    public QueryEngine(IQueryDataSource source) =>
        _source = new CountingQuerySource(source ?? throw new ArgumentNullException(nameof(source)));

    /// <summary>
    /// Rows this engine has read from its source over all its queries, scanned or fetched through an
    /// index, before filtering (joined tables and lookup-name reads included).
    /// </summary>
    public long RowsExamined => _source.RowsExamined;

    public EntityCollection RetrieveMultiple(QueryBase query, QueryContext context)
    {
        var spec = query switch
        {
            QueryExpression expression => QueryExpressionReader.Read(expression),
            QueryByAttribute byAttribute => QueryExpressionReader.Read(byAttribute),
            FetchExpression fetch => FetchXmlReader.Read(fetch.Query ?? ""),
            null => throw Faults.Create(ErrorCodes.InvalidArgument, "The query is required."),
            _ => throw Faults.Create(ErrorCodes.NotEmulated, $"not emulated: query type {query.GetType().Name}"),
        };
        return Execute(spec, context);
    }

    public EntityCollection Execute(QuerySpec spec, QueryContext context)
    {
        var before = _source.RowsExamined;
        try { return Run(spec, context); }
        finally { RowsExaminedTally.Add(_source.RowsExamined - before); }
    }

    private EntityCollection Run(QuerySpec spec, QueryContext context)
    {
        CheckTopAndPaging(spec);
        var bound = QueryPlanCache.Bind(_source, spec);
        var executor = new JoinExecutor(_source, bound, new ConditionEvaluator(context));
        // Ordered by the primary key: read the key's sorted index and stop after the page (no full scan and sort).
        var inKeyOrder = KeyOrderPlan.For(bound, _source) is { } range && executor.ExecuteInKeyOrder(range) is { } ordered
            ? KeyOrderPlan.ReadEnough(spec, ordered, bound.Root.Table.PrimaryIdAttribute, range.Descending)
            : null;
        var rows = inKeyOrder ?? executor.Execute();
        var collection = new EntityCollection { EntityName = spec.EntityName, TotalRecordCount = -1 };
        if (spec.ReturnTotalRecordCount)
        {
            collection.TotalRecordCount = Math.Min(rows.Count, TotalRecordCountLimit);
            collection.TotalRecordCountLimitExceeded = rows.Count > TotalRecordCountLimit;
        }

        if (spec.Aggregate)
        {
            var groups = Aggregator.Run(bound, rows);
            var aggregatePage = spec.Top is int aggregateTop
                ? new Pager.Page<Entity>(groups.Take(aggregateTop).ToList(), false)
                : Pager.Take(groups, spec.PageSize, spec.PageNumber, null, null);
            collection.Entities.AddRange(aggregatePage.Rows);
            collection.MoreRecords = aggregatePage.MoreRecords;
            return collection;
        }

        var sorted = inKeyOrder ?? RowSorter.Sort(rows, bound);
        var projector = new ResultProjector(_source, bound);
        if (spec.Distinct)
        {
            // Distinct compares the returned columns, so project everything first; no cookie (rows have no single key).
            var distinct = Distinct(sorted.Select(projector.Project));
            var distinctPage = spec.Top is int distinctTop
                ? new Pager.Page<Entity>(distinct.Take(distinctTop).ToList(), false)
                : Pager.Take(distinct, spec.PageSize, spec.PageNumber, null, null);
            collection.Entities.AddRange(distinctPage.Rows);
            collection.MoreRecords = distinctPage.MoreRecords;
            return collection;
        }

        Pager.Page<Entity?[]> page;
        if (spec.Top is int top)
            page = new Pager.Page<Entity?[]>(sorted.Count <= top ? sorted : sorted.GetRange(0, top), false);
        else
        {
            var primaryKey = bound.Root.Table.PrimaryIdAttribute;
            var cookie = PagingCookie.TryParse(spec.PagingCookie, primaryKey);
            page = Pager.Take(sorted, spec.PageSize, spec.PageNumber, cookie, r => r[0]!.Id);
            if (page.Rows.Count > 0)
                collection.PagingCookie = new PagingCookie(Math.Max(1, spec.PageNumber), primaryKey,
                    page.Rows[0][0]!.Id, page.Rows[^1][0]!.Id).ToString();
        }
        foreach (var row in page.Rows) collection.Entities.Add(projector.Project(row));
        collection.MoreRecords = page.MoreRecords;
        return collection;
    }

    /// <summary>
    /// "A query can contain either PageInfo or TopCount property values. If both are specified, an
    /// error will be thrown." (QueryExpression.TopCount docs); FetchXML top is capped at 5000.
    /// </summary>
    private static void CheckTopAndPaging(QuerySpec spec)
    {
        if (spec.Top is not int top) return;
        if (spec.PageSize > 0 || spec.PageNumber > 1)
            throw Faults.Create(ErrorCodes.InvalidArgument,
                spec.FromFetchXml
                    ? "The 'top' attribute can't be used with the 'count' or 'page' attributes."
                    : "A query can contain either PageInfo or TopCount, not both.");
        if (top < 0 || top > Pager.MaxPageSize)
            throw Faults.Create(ErrorCodes.InvalidArgument, $"The top value {top} is out of range; it must be between 0 and {Pager.MaxPageSize}.");
    }

    private static List<Entity> Distinct(IEnumerable<Entity> entities)
    {
        var seen = new HashSet<string>();
        var result = new List<Entity>();
        foreach (var entity in entities)
        {
            var key = string.Join("\u001f", entity.Attributes
                .Where(a => a.Key != entity.LogicalName + "id")
                .OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => a.Key + "=" + ValueNormalizer.HashKey(ValueNormalizer.Canonical(a.Value))));
            if (seen.Add(key)) result.Add(entity);
        }
        return result;
    }
}
