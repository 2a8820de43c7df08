using AdoptionCrm.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests.Query;

public class PagingTests
{
    private readonly InMemoryQuerySource _source = TestTables.Source();

    private void AddAccounts(int count)
    {
        for (var i = 0; i < count; i++) _source.Add("account", ("name", $"A{i:D5}"), ("numberofemployees", i));
    }

    private EntityCollection Run(QueryBase query) => new QueryEngine(_source).RetrieveMultiple(query, TestTables.Context());

    [Fact]
    public void Default_page_is_5000_rows_with_MoreRecords()
    {
        AddAccounts(5001);
        var result = Run(new QueryExpression("account") { ColumnSet = new ColumnSet("name") });
        Assert.Equal(5000, result.Entities.Count);
        Assert.True(result.MoreRecords);
    }

    [Fact]
    public void Count_above_5000_is_capped_at_5000()
    {
        AddAccounts(6000);
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), PageInfo = new PagingInfo { Count = 6000, PageNumber = 1 } };
        Assert.Equal(5000, Run(query).Entities.Count);
    }

    [Fact]
    public void PageNumber_and_Count_select_the_page_in_insertion_order()
    {
        AddAccounts(7);
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), PageInfo = new PagingInfo { Count = 3, PageNumber = 3 } };
        var result = Run(query);
        Assert.Equal("A00006", Assert.Single(result.Entities)["name"]);
        Assert.False(result.MoreRecords);
        query.PageInfo.PageNumber = 2;
        result = Run(query);
        Assert.Equal(new[] { "A00003", "A00004", "A00005" }, result.Entities.Select(e => (string)e["name"]));
        Assert.True(result.MoreRecords);
    }

    [Fact]
    public void Paging_cookie_has_the_dataverse_shape()
    {
        AddAccounts(3);
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), PageInfo = new PagingInfo { Count = 2, PageNumber = 1 } };
        var result = Run(query);
        var expected = $"<cookie page=\"1\"><accountid last=\"{result.Entities[1].Id.ToString("B").ToUpperInvariant()}\" first=\"{result.Entities[0].Id.ToString("B").ToUpperInvariant()}\" /></cookie>";
        Assert.Equal(expected, result.PagingCookie);
    }

    [Fact]
    public void Paging_cookie_continues_after_last_row()
    {
        foreach (var name in new[] { "b", "d", "f", "h" }) _source.Add("account", ("name", name));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), PageInfo = new PagingInfo { Count = 2, PageNumber = 1 } };
        query.AddOrder("name", OrderType.Ascending);
        var first = Run(query);
        Assert.Equal(new[] { "b", "d" }, first.Entities.Select(e => (string)e["name"]));

        // A row sorting before the cookie's last row would shift plain page-number paging by one.
        _source.Add("account", ("name", "a"));
        query.PageInfo.PageNumber = 2;
        query.PageInfo.PagingCookie = first.PagingCookie;
        var second = Run(query);
        Assert.Equal(new[] { "f", "h" }, second.Entities.Select(e => (string)e["name"]));
        Assert.False(second.MoreRecords);
    }

    [Fact]
    public void Paging_cookie_is_ignored_for_non_consecutive_pages()
    {
        AddAccounts(6);
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), PageInfo = new PagingInfo { Count = 2, PageNumber = 1 } };
        var first = Run(query);
        query.PageInfo.PageNumber = 3;
        query.PageInfo.PagingCookie = first.PagingCookie;
        Assert.Equal(new[] { "A00004", "A00005" }, Run(query).Entities.Select(e => (string)e["name"]));
    }

    [Fact]
    public void TotalRecordCount_is_returned_and_capped_at_5000()
    {
        AddAccounts(5002);
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), PageInfo = new PagingInfo { Count = 10, PageNumber = 1, ReturnTotalRecordCount = true } };
        var result = Run(query);
        Assert.Equal(5000, result.TotalRecordCount);
        Assert.True(result.TotalRecordCountLimitExceeded);

        var small = TestTables.Source();
        small.Add("account", ("name", "x"));
        var counted = new QueryEngine(small).RetrieveMultiple(query, TestTables.Context());
        Assert.Equal(1, counted.TotalRecordCount);
        Assert.False(counted.TotalRecordCountLimitExceeded);
    }

    [Fact]
    public void TotalRecordCount_is_minus_one_when_not_asked()
    {
        AddAccounts(2);
        Assert.Equal(-1, Run(new QueryExpression("account") { ColumnSet = new ColumnSet("name") }).TotalRecordCount);
    }

    [Fact]
    public void TopCount_limits_rows_and_reports_no_more_records()
    {
        AddAccounts(10);
        var result = Run(new QueryExpression("account") { ColumnSet = new ColumnSet("name"), TopCount = 3 });
        Assert.Equal(3, result.Entities.Count);
        Assert.False(result.MoreRecords);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(4, 4)]
    [InlineData(5, 4)]
    public void TopCount_takes_the_first_rows_in_order_and_at_most_those_there_are(int top, int expected)
    {
        AddAccounts(4);
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), TopCount = top };
        query.AddOrder("name", OrderType.Descending);
        var names = Run(query).Entities.Select(e => e.GetAttributeValue<string>("name")).ToList();
        var all = Run(new QueryExpression("account") { ColumnSet = new ColumnSet("name") }).Entities
            .Select(e => e.GetAttributeValue<string>("name")).OrderByDescending(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(all.Take(expected), names);
    }

    [Fact]
    public void TopCount_with_PageInfo_faults()
    {
        AddAccounts(2);
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), TopCount = 1, PageInfo = new PagingInfo { Count = 1, PageNumber = 1 } };
        FaultAssert.Throws(ErrorCodes.InvalidArgument, () => Run(query));
    }
}
