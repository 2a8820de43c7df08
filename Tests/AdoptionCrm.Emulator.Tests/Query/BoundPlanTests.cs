using AdoptionCrm.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests.Query;

/// <summary>
/// Queries of one shape reuse a bound plan (QueryPlanCache) and bind only their own condition values: a reused plan
/// must give exactly what a fresh bind gives, for every value, every join and every fault.
/// </summary>
public class BoundPlanTests
{
    private readonly InMemoryQuerySource _cached = Populate(TestTables.Source());
    private readonly InMemoryQuerySource _fresh = Populate(TestTables.Source());

    public BoundPlanTests() => _cached.PlanScope = new object();

    private static InMemoryQuerySource Populate(InMemoryQuerySource source)
    {
        var ann = new Guid("aaaaaaaa-0000-0000-0000-000000000001");
        var bob = new Guid("aaaaaaaa-0000-0000-0000-000000000002");
        source.Add("contact", ann, ("fullname", "Ann"), ("emailaddress1", "ann@contoso.com"));
        source.Add("contact", bob, ("fullname", "Bob"), ("emailaddress1", "bob@fabrikam.com"));
        var contoso = source.Add("account", new Guid("bbbbbbbb-0000-0000-0000-000000000001"), ("name", "Contoso"), ("numberofemployees", 50),
            ("industrycode", new OptionSetValue(2)), ("primarycontactid", new EntityReference("contact", ann)));
        var fabrikam = source.Add("account", new Guid("bbbbbbbb-0000-0000-0000-000000000002"), ("name", "Fabrikam"), ("numberofemployees", 7),
            ("industrycode", new OptionSetValue(3)), ("primarycontactid", new EntityReference("contact", bob)));
        source.Add("account", new Guid("bbbbbbbb-0000-0000-0000-000000000003"), ("name", "Tailspin"), ("numberofemployees", 300));
        source.Add("lead", new Guid("cccccccc-0000-0000-0000-000000000001"), ("subject", "Contoso lead"), ("parentaccountid", contoso.ToEntityReference()), ("createdon", TestTables.Now.AddDays(-3)));
        source.Add("lead", new Guid("cccccccc-0000-0000-0000-000000000002"), ("subject", "Fabrikam lead"), ("parentaccountid", fabrikam.ToEntityReference()), ("createdon", TestTables.Now.AddDays(-40)));
        return source.Index("account", "name").Index("lead", "parentaccountid");
    }

    private static string Show(EntityCollection result) => string.Join("\n", result.Entities.Select(e =>
        e.LogicalName + ":" + e.Id + " " + string.Join(" ", e.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + Value(a.Value)))))
        + " more=" + result.MoreRecords;

    private static string Value(object? value) => value switch
    {
        AliasedValue aliased => aliased.EntityLogicalName + "." + aliased.AttributeLogicalName + "(" + Value(aliased.Value) + ")",
        EntityReference reference => reference.LogicalName + ":" + reference.Id,
        OptionSetValue option => "o" + option.Value,
        Money money => "m" + money.Value,
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "null",
    };

    private static string Run(InMemoryQuerySource source, QueryBase query) => Show(new QueryEngine(source).RetrieveMultiple(query, TestTables.Context()));
    private string Cached(QueryBase query) => Run(_cached, query);
    private string Fresh(QueryBase query) => Run(_fresh, query);

    private static QueryExpression AccountsNamed(string name, string contactName, int moreThan)
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name", "numberofemployees") };
        var or = query.Criteria.AddFilter(LogicalOperator.Or);
        or.AddCondition("name", ConditionOperator.Equal, name);
        or.AddCondition("numberofemployees", ConditionOperator.GreaterThan, moreThan);
        var contact = query.AddLink("contact", "primarycontactid", "contactid", JoinOperator.LeftOuter);
        contact.EntityAlias = "pc";
        contact.Columns = new ColumnSet("fullname");
        contact.LinkCriteria.AddCondition("fullname", ConditionOperator.Equal, contactName);
        var leads = contact.AddLink("account", "contactid", "primarycontactid", JoinOperator.Inner);
        leads.EntityAlias = "back";
        leads.Columns = new ColumnSet("name");
        query.AddOrder("name", OrderType.Descending);
        return query;
    }

    [Fact]
    public void A_reused_plan_binds_each_querys_own_values_in_root_nested_and_link_filters()
    {
        foreach (var (name, contact, moreThan) in new[] { ("Contoso", "Ann", 1000), ("Fabrikam", "Ann", 1000), ("Fabrikam", "Bob", 100), ("Nobody", "Bob", 0), ("Contoso", "Ann", 1000) })
        {
            var query = AccountsNamed(name, contact, moreThan);
            Assert.Equal(Fresh(query), Cached(query));
        }
        // The plan was reused: a second query of the shape asks for no table's metadata (a fresh bind asks for four).
        var before = _cached.TableLookups;
        Cached(AccountsNamed("Tailspin", "Bob", 5));
        Assert.Equal(before, _cached.TableLookups);
        before = _fresh.TableLookups;
        Fresh(AccountsNamed("Tailspin", "Bob", 5));
        Assert.True(_fresh.TableLookups > before);
        // The values really differ between those shapes' results (the test would pass vacuously otherwise).
        Assert.NotEqual(Cached(AccountsNamed("Contoso", "Ann", 1000)), Cached(AccountsNamed("Fabrikam", "Bob", 1000)));
        Assert.Contains("pc.fullname=contact.fullname(Bob)", Cached(AccountsNamed("Fabrikam", "Bob", 1000)));
    }

    [Fact]
    public void Reused_plans_agree_with_fresh_binding_across_query_kinds()
    {
        var queries = new List<Func<int, QueryBase>>
        {
            i => new QueryByAttribute("account") { ColumnSet = new ColumnSet("name"), Attributes = { "name" }, Values = { i % 2 == 0 ? "Contoso" : "Fabrikam" } },
            i =>
            {
                var q = new QueryExpression("account") { ColumnSet = new ColumnSet(true), TopCount = 1 + i % 2 };
                q.Criteria.AddCondition("industrycode", ConditionOperator.In, i % 2 == 0 ? new object[] { 2, 3 } : new object[] { 3 });
                return q;
            },
            i =>
            {
                var q = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject"), PageInfo = new PagingInfo { Count = 1, PageNumber = 1 + i % 2 } };
                q.Criteria.AddCondition("createdon", ConditionOperator.LastXDays, 10 + i * 30);
                q.AddOrder("subject", OrderType.Ascending);
                var account = q.AddLink("account", "parentaccountid", "accountid");
                account.Columns = new ColumnSet(true);
                return q;
            },
            i => new FetchExpression($"<fetch aggregate='true'><entity name='account'><attribute name='numberofemployees' alias='total' aggregate='sum'/>"
                + $"<filter><condition attribute='numberofemployees' operator='lt' value='{100 + i * 1000}'/></filter></entity></fetch>"),
            i => new FetchExpression("<fetch><entity name='account'><attribute name='name'/><filter type='or'>"
                + $"<condition attribute='name' operator='like' value='{(i % 2 == 0 ? "Con%" : "%a%")}'/><condition attribute='numberofemployees' operator='eq' valueof='numberofemployees'/>"
                + "</filter></entity></fetch>"),
        };
        foreach (var make in queries)
            for (var i = 0; i < 4; i++)
                Assert.Equal(Fresh(make(i)), Cached(make(i)));
    }

    [Fact]
    public void A_value_that_cannot_bind_faults_on_a_reused_plan_as_on_a_fresh_one()
    {
        QueryExpression Employees(object value, ConditionOperator op = ConditionOperator.Equal)
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            query.Criteria.AddCondition(new ConditionExpression("numberofemployees", op, value is object[] list ? list : new[] { value }));
            return query;
        }
        // A fault while binding caches nothing; a good query then caches the shape; the bad value still faults.
        FaultAssert.Throws(ErrorCodes.InvalidArgument, () => Cached(Employees("lots")));
        Assert.Equal(Fresh(Employees(50)), Cached(Employees(50)));
        FaultAssert.Throws(ErrorCodes.InvalidArgument, () => Cached(Employees("lots")));
        Assert.Equal(Fresh(Employees(new object[] { 7, 50 }, ConditionOperator.In)), Cached(Employees(new object[] { 7, 50 }, ConditionOperator.In)));
        FaultAssert.Throws(ErrorCodes.InvalidArgument, () => Cached(Employees(new object[0], ConditionOperator.In)));
    }

    [Fact]
    public void Shapes_whose_names_run_together_alike_are_told_apart()
    {
        // "pc" + "fullname" and "p" + "cfullname" spell the same letters; the aliases and columns differ.
        QueryExpression Linked(string alias, string column)
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            var link = query.AddLink("contact", "primarycontactid", "contactid");
            link.EntityAlias = alias;
            link.Columns = new ColumnSet(column);
            return query;
        }
        Assert.Contains("pc.fullname=", Cached(Linked("pc", "fullname")));
        Assert.Contains("pce.emailaddress1=", Cached(Linked("pce", "emailaddress1")));
        Assert.Contains("p.fullname=", Cached(Linked("p", "fullname")));
        FaultAssert.Throws(ErrorCodes.QueryBuilderNoAttribute, () => Cached(Linked("p", "cfullname")));
        Assert.Equal(Fresh(Linked("pc", "fullname")), Cached(Linked("pc", "fullname")));
    }

    // Five shapes, each with values that change its result.
    private static readonly Func<int, QueryBase>[] SeveralShapes =
    {
        i => AccountsNamed(i % 2 == 0 ? "Contoso" : "Fabrikam", i % 3 == 0 ? "Ann" : "Bob", i % 4 == 0 ? 100 : 1000),
        i => new QueryByAttribute("account") { ColumnSet = new ColumnSet("name"), Attributes = { "name" }, Values = { i % 2 == 0 ? "Contoso" : "Tailspin" } },
        i =>
        {
            var q = new QueryExpression("account") { ColumnSet = new ColumnSet("name", "industrycode") };
            q.Criteria.AddCondition("numberofemployees", ConditionOperator.LessThan, 10 + i % 5 * 100);
            return q;
        },
        i =>
        {
            var q = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") };
            q.Criteria.AddCondition("createdon", ConditionOperator.LastXDays, i % 2 == 0 ? 10 : 60);
            var account = q.AddLink("account", "parentaccountid", "accountid");
            account.EntityAlias = "a";
            account.Columns = new ColumnSet("name");
            return q;
        },
        i => new FetchExpression($"<fetch><entity name='contact'><attribute name='fullname'/><filter><condition attribute='emailaddress1' operator='like' value='{(i % 2 == 0 ? "%contoso%" : "%b%")}'/></filter></entity></fetch>"),
    };

    [Fact]
    public void Shapes_whose_hashes_collide_never_share_a_plan()
    {
        // Every shape hashes alike: the first keeps the one slot and the others must bind afresh, each with its own tables.
        var cache = new QueryPlanCache(shapeHash: _ => 42);
        var colliding = Populate(TestTables.Source());
        colliding.PlanScope = cache;
        for (var i = 0; i < 12; i++)
            foreach (var make in SeveralShapes)
                Assert.Equal(Fresh(make(i)), Run(colliding, make(i)));
        Assert.Equal(1, cache.Count);
        // The first shape is still reused from the slot: it asks for no table metadata.
        var before = colliding.TableLookups;
        Run(colliding, SeveralShapes[0](5));
        Assert.Equal(before, colliding.TableLookups);
    }

    [Fact]
    public void A_full_cache_keeps_no_more_shapes_and_still_answers_right()
    {
        var cache = new QueryPlanCache(capacity: 2);
        var small = Populate(TestTables.Source());
        small.PlanScope = cache;
        for (var i = 0; i < 6; i++)
            foreach (var make in SeveralShapes)
                Assert.Equal(Fresh(make(i)), Run(small, make(i)));
        Assert.Equal(2, cache.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => new QueryPlanCache(capacity: -1));
    }

    [Fact]
    public void Concurrent_queries_of_many_shapes_agree_with_fresh_binding()
    {
        // Expected answers first, bound afresh one by one; then the shapes race into an empty cache from several threads.
        const int Rounds = 400;
        var expected = new string[Rounds, SeveralShapes.Length];
        for (var i = 0; i < Rounds; i++)
            for (var s = 0; s < SeveralShapes.Length; s++) expected[i, s] = Fresh(SeveralShapes[s](i));
        var cache = new QueryPlanCache();
        var shared = Populate(TestTables.Source());
        shared.PlanScope = cache;
        var wrong = 0;
        Parallel.For(0, Rounds * SeveralShapes.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, n =>
        {
            int i = n / SeveralShapes.Length, s = (n * 7 + i) % SeveralShapes.Length;
            if (Run(shared, SeveralShapes[s](i)) != expected[i, s]) Interlocked.Increment(ref wrong);
        });
        Assert.Equal(0, wrong);
        Assert.Equal(SeveralShapes.Length, cache.Count);
    }
}
