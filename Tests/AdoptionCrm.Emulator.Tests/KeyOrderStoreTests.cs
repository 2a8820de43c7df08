using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests;

/// <summary>
/// The store's sorted primary-key index as the query engine reads it (a page after an id, in key order):
/// what a plugin sees, including its own transaction's creations, updates and deletions, and rows removed
/// and created again, must be exactly the table sorted by id; and a page reads about a page.
/// </summary>
public class KeyOrderStoreTests
{
    private static (EmulatedOrganization Org, List<Guid> Ids) Seed(int leads)
    {
        var org = EmulatedOrganization.Create(new EmulatorOptions { RegisterShippedPlugins = false, LoadSolutionTables = false });
        var ids = Enumerable.Range(0, leads).Select(i => org.SystemService.Create(new Entity("lead") { ["lastname"] = $"L{i}" })).ToList();
        return (org, ids);
    }

    private static QueryExpression Page(Guid? after, bool descending, int top)
    {
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname"), TopCount = top };
        if (after is Guid id) query.Criteria.AddCondition("leadid", descending ? ConditionOperator.LessThan : ConditionOperator.GreaterThan, id);
        query.AddOrder("leadid", descending ? OrderType.Descending : OrderType.Ascending);
        return query;
    }

    /// <summary>The oracle: every row (an unordered read, which scans), sorted by id and paged by hand.</summary>
    private static List<(Guid, string)> Expected(IOrganizationService service, Guid? after, bool descending, int top)
    {
        var all = service.RetrieveMultiple(new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") }).Entities
            .Select(e => (e.Id, (string)e["lastname"]));
        var inRange = all.Where(r => after is not Guid a || (descending ? r.Id.CompareTo(a) < 0 : r.Id.CompareTo(a) > 0));
        return (descending ? inRange.OrderByDescending(r => r.Id) : inRange.OrderBy(r => r.Id)).Take(top).ToList();
    }

    private static List<(Guid, string)> Rows(EntityCollection page) => page.Entities.Select(e => (e.Id, (string)e["lastname"])).ToList();

    [Fact]
    public void A_page_after_an_id_examines_the_page_not_the_table()
    {
        var (org, ids) = Seed(300);
        var sorted = ids.OrderBy(id => id).ToList();
        org.Log.Clear();
        org.On("Create", "contact", 40, (context, factory, _) =>
        {
            var service = factory.CreateOrganizationService(context.UserId);
            var page = service.RetrieveMultiple(Page(sorted[149], descending: false, top: 20));
            Assert.Equal(sorted.Skip(150).Take(20), page.Entities.Select(e => e.Id));
        });
        org.SystemService.Create(new Entity("contact") { ["lastname"] = "trigger" });

        var call = org.Log.ServiceCalls.Single(c => c.Request == "RetrieveMultiple");
        Assert.Equal((20, 20L), (call.RowsReturned, call.RowsExamined));
    }

    [Fact]
    public void Pages_in_key_order_see_the_transactions_own_creations_updates_and_deletions()
    {
        var (org, ids) = Seed(60);
        org.On("Create", "contact", 40, (context, factory, _) =>
        {
            var service = factory.CreateOrganizationService(context.UserId);
            for (var i = 0; i < 15; i++) service.Create(new Entity("lead") { ["lastname"] = $"new{i}" });
            foreach (var id in ids.Take(20)) service.Delete("lead", id);
            service.Update(new Entity("lead", ids[30]) { ["lastname"] = "changed" });
            var created = service.Create(new Entity("lead") { ["lastname"] = "short-lived" });
            service.Delete("lead", created);
            foreach (var descending in new[] { false, true })
            {
                Guid? after = null;
                var seen = 0;
                while (true)
                {
                    var page = service.RetrieveMultiple(Page(after, descending, top: 7));
                    Assert.Equal(Expected(service, after, descending, 7), Rows(page));
                    seen += page.Entities.Count;
                    if (page.Entities.Count < 7) break;
                    after = page.Entities[^1].Id;
                }
                Assert.Equal(60 - 20 + 15, seen);
            }
        });
        org.SystemService.Create(new Entity("contact") { ["lastname"] = "trigger" });
    }

    [Fact]
    public void Rows_removed_and_created_again_with_their_id_are_read_once()
    {
        var (org, ids) = Seed(40);
        var service = org.SystemService;
        Assert.Equal(Expected(service, null, false, 100), Rows(service.RetrieveMultiple(Page(null, false, 100))));
        // More than a quarter of the table removed (the index drops them), some created again under the same id.
        foreach (var id in ids.Take(25)) service.Delete("lead", id);
        foreach (var id in ids.Take(5)) service.Create(new Entity("lead", id) { ["lastname"] = "again" });

        Assert.Equal(Expected(service, null, false, 100), Rows(service.RetrieveMultiple(Page(null, false, 100))));
        Assert.Equal(20, service.RetrieveMultiple(Page(null, true, 100)).Entities.Count);
        Assert.Equal(Expected(service, ids[0], true, 100), Rows(service.RetrieveMultiple(Page(ids[0], true, 100))));
    }
}
