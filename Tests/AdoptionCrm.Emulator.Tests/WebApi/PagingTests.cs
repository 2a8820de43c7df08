using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Tests.WebApi;

/// <summary>Server-driven paging: Prefer odata.maxpagesize, @odata.nextLink with a $skiptoken carrying the paging cookie.</summary>
public sealed class PagingTests : IClassFixture<WebApiFixture>
{
    private readonly WebApiFixture _f;

    public PagingTests(WebApiFixture fixture) => _f = fixture;

    [Fact]
    public async Task Maxpagesize_pages_with_nextLink_until_done()
    {
        var seen = new List<string?>();
        var url = new Uri(_f.Server.BaseUrl, $"leads?$select=fullname&$filter=_parentaccountid_value eq {_f.Contoso}&$orderby=createdon desc");
        var pages = 0;
        while (url is not null && pages < 10)
        {
            var reply = await WebApiFixture.SendAsync(_f.Http, url, "odata.maxpagesize=5");
            Assert.Equal(200, reply.Status);
            Assert.Equal("odata.maxpagesize=5", reply.Header("Preference-Applied"));
            Assert.True(reply.Rows.Count <= 5);
            seen.AddRange(reply.Column("leadid"));
            pages++;
            url = reply.Body.TryGetProperty("@odata.nextLink", out var next) ? new Uri(next.GetString()!) : null;
            if (url is not null) Assert.Contains("$skiptoken=", url.OriginalString);
        }
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(_f.ContosoLeads).Select(i => (string?)i.ToString()), seen);
    }

    [Fact]
    public async Task NextLink_keeps_the_query_and_carries_the_paging_cookie()
    {
        var first = await _f.GetAsync($"leads?$select=fullname&$filter=_parentaccountid_value eq {_f.Contoso}", "odata.maxpagesize=4");
        var next = Uri.UnescapeDataString(first.Body.GetProperty("@odata.nextLink").GetString()!);
        Assert.StartsWith($"{_f.Server.BaseUrl}leads?$select=fullname&$filter=_parentaccountid_value eq {_f.Contoso}&$skiptoken=<cookie pagenumber=\"2\" pagingcookie=\"", next);
        Assert.Contains("<cookie page=\"1\"><leadid last=", Uri.UnescapeDataString(next));
    }

    [Fact]
    public async Task NextLink_resumes_after_the_last_row_served_when_rows_are_added_before_it()
    {
        // A fresh organization so the insert does not disturb the other tests' data.
        var org = WebApiFixture.Create();
        var service = org.SystemService;
        static Guid Id(int n) => Guid.Parse($"{n:x8}-0000-0000-0000-000000000000");
        for (var i = 1; i <= 6; i++) service.Create(new Entity("lead", Id(i * 16)) { ["lastname"] = $"L{i}" });
        await using var server = await AdoptionCrm.Emulator.WebApi.WebApiServer.StartAsync(org, org.SystemUserId);
        using var http = new HttpClient();
        var first = await WebApiFixture.SendAsync(http, new Uri(server.BaseUrl, "leads?$select=lastname&$orderby=leadid"), "odata.maxpagesize=3");
        Assert.Equal(new[] { "L1", "L2", "L3" }, first.Column("lastname"));
        // A row sorting before everything already served: page-number paging would serve L3 again, the cookie does not.
        service.Create(new Entity("lead", Id(1)) { ["lastname"] = "New" });
        var second = await WebApiFixture.SendAsync(http, new Uri(first.Body.GetProperty("@odata.nextLink").GetString()!), "odata.maxpagesize=3");
        Assert.Equal(new[] { "L4", "L5", "L6" }, second.Column("lastname"));
    }

    [Fact]
    public async Task Without_maxpagesize_a_page_is_5000_rows()
    {
        var org = WebApiFixture.Create();
        var service = org.SystemService;
        for (var i = 0; i < 5003; i++) service.Create(new Entity("lead") { ["lastname"] = "Bulk" });
        await using var server = await AdoptionCrm.Emulator.WebApi.WebApiServer.StartAsync(org, org.SystemUserId);
        using var http = new HttpClient();
        var first = await WebApiFixture.SendAsync(http, new Uri(server.BaseUrl, "leads?$select=lastname"));
        Assert.Equal(5000, first.Rows.Count);
        Assert.Null(first.Header("Preference-Applied"));
        var second = await WebApiFixture.SendAsync(http, new Uri(first.Body.GetProperty("@odata.nextLink").GetString()!));
        Assert.Equal(3, second.Rows.Count);
        Assert.False(second.Body.TryGetProperty("@odata.nextLink", out _));
        // A larger ask is ignored: still 5000.
        var big = await WebApiFixture.SendAsync(http, new Uri(server.BaseUrl, "leads?$select=lastname"), "odata.maxpagesize=9000");
        Assert.Equal(5000, big.Rows.Count);
    }

    [Fact]
    public async Task Foreign_skiptoken_returns_400()
    {
        var reply = await _f.GetAsync("leads?$skiptoken=" + Uri.EscapeDataString("not a cookie"));
        Assert.Equal(400, reply.Status);
    }
}
