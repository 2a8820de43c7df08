using System.Text.Json;

namespace AdoptionCrm.Emulator.Tests.WebApi;

/// <summary>$select, $orderby, $top, $count and the response envelope of a collection GET.</summary>
public sealed class QueryOptionTests : IClassFixture<WebApiFixture>
{
    private readonly WebApiFixture _f;

    public QueryOptionTests(WebApiFixture fixture) => _f = fixture;

    [Fact]
    public async Task Collection_has_context_value_and_weak_etag_per_row()
    {
        var reply = await _f.GetAsync("accounts?$select=name");
        Assert.Equal(200, reply.Status);
        Assert.Equal($"{_f.Server.BaseUrl}$metadata#accounts(name)", reply.Body.GetProperty("@odata.context").GetString());
        Assert.StartsWith("application/json", reply.Header("Content-Type"));
        Assert.Equal("4.0", reply.Header("OData-Version"));
        Assert.Equal(2, reply.Rows.Count);
        foreach (var row in reply.Rows)
            Assert.Matches("^W/\"\\d+\"$", row.GetProperty("@odata.etag").GetString());
    }

    [Fact]
    public async Task Select_returns_only_asked_columns_and_the_primary_key()
    {
        var reply = await _f.GetAsync($"leads?$select=firstname,jobtitle,_parentaccountid_value&$filter=leadid eq {_f.ContosoLeads[3]}");
        var row = Assert.Single(reply.Rows);
        var names = row.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(new[] { "@odata.etag", "firstname", "jobtitle", "_parentaccountid_value", "leadid" }, names);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("jobtitle").ValueKind); // selected but empty: null, as Dataverse
        Assert.Equal(_f.Contoso.ToString(), row.GetProperty("_parentaccountid_value").GetString());
    }

    [Fact]
    public async Task Without_select_every_column_is_returned()
    {
        var reply = await _f.GetAsync($"accounts({_f.Contoso})");
        Assert.Equal(200, reply.Status);
        Assert.Equal("Contoso", reply.Body.GetProperty("name").GetString());
        Assert.Equal(1234.5m, reply.Body.GetProperty("revenue").GetDecimal());
        Assert.True(reply.Body.TryGetProperty("_ownerid_value", out _));
        Assert.Equal(JsonValueKind.Null, reply.Body.GetProperty("websiteurl").ValueKind);
    }

    [Fact]
    public async Task Unknown_column_in_select_returns_400()
    {
        var reply = await _f.GetAsync("leads?$select=fullname,nosuchcolumn");
        Assert.Equal(400, reply.Status);
        Assert.Equal("0x80060888", reply.ErrorCode);
        Assert.Equal("Could not find a property named 'nosuchcolumn' on type 'Microsoft.Dynamics.CRM.lead'.", reply.ErrorMessage);
    }

    [Fact]
    public async Task Lookup_named_without_value_suffix_in_select_returns_400()
    {
        var reply = await _f.GetAsync("leads?$select=parentaccountid");
        Assert.Equal(400, reply.Status);
        Assert.Contains("'parentaccountid'", reply.ErrorMessage);
    }

    [Fact]
    public async Task Orderby_sorts_by_several_columns_asc_and_desc()
    {
        var reply = await _f.GetAsync($"leads?$select=firstname,lastname&$filter=_parentaccountid_value eq {_f.Contoso}&$orderby=lastname desc,createdon desc");
        var expected = _f.ContosoLeads.Select((id, i) => (id, i)).OrderByDescending(x => x.i % 2 == 0 ? "Lee" : "Kim", StringComparer.Ordinal)
            .ThenByDescending(x => x.i).Select(x => (string?)x.id.ToString()).ToList();
        Assert.Equal(expected, reply.Column("leadid"));
    }

    [Fact]
    public async Task Orderby_unknown_column_or_direction_returns_400()
    {
        Assert.Equal(400, (await _f.GetAsync("leads?$orderby=nosuch")).Status);
        Assert.Equal(400, (await _f.GetAsync("leads?$orderby=lastname sideways")).Status);
    }

    [Fact]
    public async Task Top_limits_the_rows_and_gives_no_nextLink()
    {
        var reply = await _f.GetAsync("leads?$select=firstname&$orderby=createdon asc&$top=3", "odata.maxpagesize=2");
        Assert.Equal(_f.ContosoLeads.Take(3).Select(i => (string?)i.ToString()), reply.Column("leadid"));
        Assert.False(reply.Body.TryGetProperty("@odata.nextLink", out _));
    }

    [Fact]
    public async Task Count_true_returns_the_total_with_the_page()
    {
        var reply = await _f.GetAsync($"leads?$select=firstname&$filter=_parentaccountid_value eq {_f.Contoso}&$count=true", "odata.maxpagesize=5");
        Assert.Equal(12, reply.Body.GetProperty("@odata.count").GetInt32());
        Assert.Equal(5, reply.Rows.Count);
    }

    [Fact]
    public async Task Skip_is_refused_as_Dataverse_does_and_expand_is_named_as_not_emulated()
    {
        var skip = await _f.GetAsync("leads?$skip=10");
        Assert.Equal(400, skip.Status);
        Assert.Contains("$skip", skip.ErrorMessage);
        var expand = await _f.GetAsync("leads?$expand=parentaccountid($select=name)");
        Assert.Equal(501, expand.Status);
        Assert.Contains("$expand", expand.ErrorMessage);
    }
}
