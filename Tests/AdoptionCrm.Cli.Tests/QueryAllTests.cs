using AdoptionCrm.Cli.Simulate;
using AdoptionCrm.Emulator;
using AdoptionCrm.Emulator.Query;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Cli.Tests;

public class QueryAllTests
{
    [Fact]
    public void Reading_a_table_in_key_order_returns_every_row_once_and_reads_each_row_once()
    {
        var org = EmulatedOrganization.Create();
        var count = 2 * QueryAll.PageSize + 1;
        var ids = new HashSet<Guid>();
        for (var i = 0; i < count; i++)
            ids.Add(org.SystemService.Create(new Entity(LeadColumns.EntityName) { [LeadColumns.LastName] = "Lead " + i }));

        List<Entity> rows;
        long examined;
        using (var tally = RowsExaminedTally.Start())
        {
            rows = QueryAll.RowsInKeyOrder(org.SystemService, LeadColumns.EntityName, LeadColumns.Id, LeadColumns.LastName);
            examined = tally.Rows;
        }

        Assert.Equal(count, rows.Count);
        Assert.True(ids.SetEquals(rows.Select(r => r.Id)));
        Assert.Equal(rows.Select(r => r.Id).OrderBy(id => id), rows.Select(r => r.Id));
        Assert.All(rows, r => Assert.StartsWith("Lead ", r.GetAttributeValue<string>(LeadColumns.LastName)));
        // Paging with the cookie re-reads the rows before it on every page (5,000 + 10,000 + 10,001 here).
        Assert.Equal(count, examined);
        Assert.True(ids.SetEquals(QueryAll.Rows(org.SystemService, LeadColumns.EntityName, LeadColumns.LastName).Select(r => r.Id)));
    }

    [Fact]
    public void Reading_an_empty_table_in_key_order_returns_nothing()
    {
        var org = EmulatedOrganization.Create();
        Assert.Empty(QueryAll.RowsInKeyOrder(org.SystemService, LeadColumns.EntityName, LeadColumns.Id, LeadColumns.LastName));
    }
}
