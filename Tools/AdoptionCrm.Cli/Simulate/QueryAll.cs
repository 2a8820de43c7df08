using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Cli.Simulate;

/// <summary>Every row of a query, page by page (Dataverse caps a page at 5,000 rows).</summary>
public static class QueryAll
{
    public const int PageSize = 5000;

    /// <summary>
    /// Pages with the paging cookie, rows in the order the query returns them (the emulator: insertion order).
    /// Each page re-reads the rows before the cookie unless the query is ordered by its key, so this is for
    /// small tables whose order matters (accounts, tasks); a table that grows with the signups is read with
    /// <see cref="RowsInKeyOrder"/>.
    /// </summary>
    public static List<Entity> Rows(IOrganizationService service, QueryExpression query)
    {
        var rows = new List<Entity>();
        query.PageInfo = new PagingInfo { PageNumber = 1, Count = PageSize };
        while (true)
        {
            var page = service.RetrieveMultiple(query);
            rows.AddRange(page.Entities);
            if (!page.MoreRecords) return rows;
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
    }

    public static List<Entity> Rows(IOrganizationService service, string table, params string[] columns) =>
        Rows(service, new QueryExpression(table) { ColumnSet = new ColumnSet(columns) });

    /// <summary>
    /// Every row in primary key order, each page a top-5,000 query ordered by the key with a greater-than
    /// condition on the last id read, so each page reads only its own rows through the key's sorted index and
    /// reading the whole table costs the same per row at any size. The emulator's pager re-reads the rows up to
    /// a paging cookie on every page (a million leads: 200 pages of up to a million rows each), so a table that
    /// grows with the signups is read this way.
    /// </summary>
    public static List<Entity> RowsInKeyOrder(IOrganizationService service, string table, string primaryKey, params string[] columns)
    {
        var rows = new List<Entity>();
        Guid? after = null;
        while (true)
        {
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet(columns), TopCount = PageSize };
            query.AddOrder(primaryKey, OrderType.Ascending);
            if (after is Guid last) query.Criteria.AddCondition(primaryKey, ConditionOperator.GreaterThan, last);
            var page = service.RetrieveMultiple(query).Entities;
            rows.AddRange(page);
            if (page.Count < PageSize) return rows;
            after = page[^1].Id;
        }
    }
}
