using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Cli.Simulate;

/// <summary>Every row of a query, page by page with the paging cookie (Dataverse caps a page at 5,000 rows).</summary>
public static class QueryAll
{
    public static List<Entity> Rows(IOrganizationService service, QueryExpression query)
    {
        var rows = new List<Entity>();
        query.PageInfo = new PagingInfo { PageNumber = 1, Count = 5000 };
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
}
