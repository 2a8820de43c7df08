using AdoptionCrm.Emulator.Query;
using CsCheck;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests.Query;

/// <summary>
/// A query ordered by its primary key reads the key's sorted index and stops after its page; every result
/// (rows, order, MoreRecords, paging cookie, TotalRecordCount) must be what scanning and sorting gives.
/// </summary>
public class KeyOrderSeekTests
{
    private static readonly string?[] Names = { null, "a", "A", "b", "c" };

    private static EntityCollection Run(InMemoryQuerySource source, bool keyOrder, QueryBase query)
    {
        source.KeyOrder = keyOrder;
        return new QueryEngine(source).RetrieveMultiple(query, TestTables.Context());
    }

    private static string Describe(EntityCollection result) =>
        string.Join(",", result.Entities.Select(e => e.Id + ":" + e.GetAttributeValue<string>("name") + ":" + e.GetAttributeValue<int?>("numberofemployees")
            + ":" + (e.GetAttributeValue<AliasedValue>("pc.fullname")?.Value ?? "-")))
        + $"|more={result.MoreRecords}|cookie={result.PagingCookie}|total={result.TotalRecordCount}/{result.TotalRecordCountLimitExceeded}";

    /// <summary>One generated case: the rows, and a query over them.</summary>
    private sealed record Case(
        (Guid Id, int Name, int? Employees)[] Rows, int Order, bool Descending, (int Operator, int Bound)[] Ranges,
        int? EmployeesAtLeast, bool WithLink, int? Top, int PageSize, int PageNumber, int Cookie, bool Total)
    {
        public override string ToString() =>
            $"rows={Rows.Length} order={Order} desc={Descending} ranges=[{string.Join(";", Ranges)}] employees>={EmployeesAtLeast} link={WithLink} top={Top} size={PageSize} page={PageNumber} cookie={Cookie} total={Total}";
    }

    private static readonly Gen<Case> Cases =
        from rows in Gen.Select(Gen.Guid, Gen.Int[0, Names.Length - 1], Gen.Int[0, 4].Nullable()).Array[0, 40]
        from order in Gen.Int[0, 3]
        from down in Gen.Bool
        from ranges in Gen.Select(Gen.Int[0, 3], Gen.Int[-1, 40]).Array[0, 2]
        from employees in Gen.Int[0, 4].Nullable()
        from link in Gen.Bool
        from top in Gen.Int[0, 12].Nullable()
        from size in Gen.Int[1, 7]
        from page in Gen.Int[1, 4]
        from cookie in Gen.Int[0, 3]
        from total in Gen.Bool
        select new Case(rows, order, down, ranges, employees, link, top, size, page, cookie, total);

    private static (InMemoryQuerySource Source, QueryExpression Query) Build(Case c)
    {
        var source = TestTables.Source();
        var ids = new List<Guid>();
        foreach (var (id, name, employees) in c.Rows.DistinctBy(r => r.Id))
        {
            var account = source.Add("account", id, ("name", Names[name]), ("numberofemployees", employees));
            ids.Add(account.Id);
            // Zero to two contacts each, so an outer link keeps, or repeats, the account's row.
            for (var k = 0; k < name % 3; k++)
                source.Add("contact", ("fullname", $"{Names[name]}{k}"), ("parentcustomerid", new EntityReference("account", account.Id)));
        }
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name", "numberofemployees") };
        switch (c.Order)
        {
            case 0: query.AddOrder("accountid", c.Descending ? OrderType.Descending : OrderType.Ascending); break;
            case 1: query.AddOrder("name", OrderType.Ascending); query.AddOrder("accountid", c.Descending ? OrderType.Descending : OrderType.Ascending); break;
            case 2: query.AddOrder("accountid", c.Descending ? OrderType.Descending : OrderType.Ascending); query.AddOrder("accountid", OrderType.Ascending); break;
            // case 3: no order at all (insertion order)
        }
        foreach (var (op, bound) in c.Ranges)
        {
            // A bound on a row's id, or (-1 and beyond the rows) on an id no row has.
            var value = bound >= 0 && bound < ids.Count ? ids[bound] : new Guid(bound, 0, 0, new byte[8]);
            query.Criteria.AddCondition("accountid", new[] { ConditionOperator.GreaterThan, ConditionOperator.GreaterEqual, ConditionOperator.LessThan, ConditionOperator.LessEqual }[op], value);
        }
        if (c.EmployeesAtLeast is int atLeast) query.Criteria.AddCondition("numberofemployees", ConditionOperator.GreaterEqual, atLeast);
        if (c.WithLink)
        {
            var link = query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.LeftOuter);
            link.Columns = new ColumnSet("fullname");
            link.EntityAlias = "pc";
        }
        if (c.Top is int top) query.TopCount = top;
        else query.PageInfo = new PagingInfo { Count = c.PageSize, PageNumber = c.PageNumber, ReturnTotalRecordCount = c.Total };
        return (source, query);
    }

    [Fact]
    public void A_query_read_in_key_order_returns_exactly_what_scanning_and_sorting_returns()
    {
        Cases.Sample(c =>
        {
            var (source, query) = Build(c);
            if (query.PageInfo.PageNumber > 1 && c.Top is null)
            {
                // The cookie a client holds: the previous page's (as issued by the scan-and-sort path), a row's id
                // that may since sort elsewhere, an id no row has, or none.
                query.PageInfo.PageNumber--;
                var previous = Run(source, keyOrder: false, query).PagingCookie;
                query.PageInfo.PageNumber++;
                var someId = c.Rows.Length > 0 ? c.Rows[c.Rows.Length / 2].Id : Guid.Empty;
                query.PageInfo.PagingCookie = c.Cookie switch
                {
                    0 => previous,
                    1 => new PagingCookie(query.PageInfo.PageNumber - 1, "accountid", someId, someId).ToString(),
                    2 => new PagingCookie(query.PageInfo.PageNumber - 1, "accountid", Guid.Empty, new Guid("ffffffff-0000-0000-0000-000000000001")).ToString(),
                    _ => null,
                };
            }
            var scanned = Describe(Run(source, keyOrder: false, query));
            var sought = Describe(Run(source, keyOrder: true, query));
            Assert.Equal(scanned, sought);
        }, iter: 3000, print: c => c.ToString());
    }

    [Fact]
    public void A_page_after_an_id_reads_the_page_from_the_key_index_and_scans_nothing()
    {
        var source = TestTables.Source();
        source.KeyOrder = true;
        var ids = Enumerable.Range(0, 1000).Select(i => source.Add("account", ("name", $"A{i}")).Id).OrderBy(id => id).ToList();
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), TopCount = 50 };
        query.Criteria.AddCondition("accountid", ConditionOperator.GreaterThan, ids[499]);
        query.AddOrder("accountid", OrderType.Ascending);

        var result = new QueryEngine(source).RetrieveMultiple(query, TestTables.Context());

        Assert.Equal(ids.Skip(500).Take(50), result.Entities.Select(e => e.Id));
        Assert.False(source.ScanCount.ContainsKey("account"));
        Assert.Equal(50, source.KeyOrderRowsRead["account"]);
    }

    [Fact]
    public void TotalRecordCount_is_capped_and_flagged_as_when_every_row_is_read()
    {
        var source = TestTables.Source();
        for (var i = 0; i < 5003; i++) source.Add("account", ("name", $"A{i}"));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), PageInfo = new PagingInfo { Count = 10, PageNumber = 1, ReturnTotalRecordCount = true } };
        query.AddOrder("accountid", OrderType.Descending);

        var scanned = Run(source, keyOrder: false, query);
        var sought = Run(source, keyOrder: true, query);

        Assert.Equal((5000, true, true), (sought.TotalRecordCount, sought.TotalRecordCountLimitExceeded, sought.MoreRecords));
        Assert.Equal(Describe(scanned), Describe(sought));
        Assert.Equal(5001, source.KeyOrderRowsRead["account"]);
    }

    [Fact]
    public void An_equality_index_is_still_preferred_to_the_key_walk()
    {
        var source = TestTables.Source().Index("account", "primarycontactid");
        source.KeyOrder = true;
        var contact = source.Add("contact", ("fullname", "Pat"));
        for (var i = 0; i < 100; i++) source.Add("account", ("name", $"A{i}"), ("primarycontactid", i == 7 ? new EntityReference("contact", contact.Id) : null));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), TopCount = 5 };
        query.Criteria.AddCondition("primarycontactid", ConditionOperator.Equal, contact.Id);
        query.AddOrder("accountid", OrderType.Ascending);

        var result = new QueryEngine(source).RetrieveMultiple(query, TestTables.Context());

        Assert.Equal("A7", Assert.Single(result.Entities)["name"]);
        Assert.False(source.KeyOrderRowsRead.ContainsKey("account"));
        Assert.Equal(1, source.IndexRowsRead[("account", "primarycontactid")]);
    }
}
