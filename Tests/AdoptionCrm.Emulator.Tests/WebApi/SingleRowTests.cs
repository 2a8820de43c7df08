namespace AdoptionCrm.Emulator.Tests.WebApi;

/// <summary>GET of one row by id or alternate key, its etag, and the errors for missing rows and unknown sets.</summary>
public sealed class SingleRowTests : IClassFixture<WebApiFixture>
{
    private readonly WebApiFixture _f;

    public SingleRowTests(WebApiFixture fixture) => _f = fixture;

    [Fact]
    public async Task Single_row_get_returns_the_row_with_entity_context_and_etag()
    {
        var reply = await _f.GetAsync($"accounts({_f.Contoso})?$select=name,accountnumber");
        Assert.Equal(200, reply.Status);
        Assert.Equal($"{_f.Server.BaseUrl}$metadata#accounts(name,accountnumber)/$entity", reply.Body.GetProperty("@odata.context").GetString());
        Assert.Equal("Contoso", reply.Body.GetProperty("name").GetString());
        Assert.Equal(_f.Contoso.ToString(), reply.Body.GetProperty("accountid").GetString());
        Assert.Equal(reply.Body.GetProperty("@odata.etag").GetString(), reply.Header("ETag"));
    }

    [Fact]
    public async Task Missing_row_returns_404_with_dataverse_error_body()
    {
        var id = Guid.NewGuid();
        var reply = await _f.GetAsync($"leads({id})?$select=fullname");
        Assert.Equal(404, reply.Status);
        Assert.Equal("0x80040217", reply.ErrorCode);
        Assert.Contains(id.ToString(), reply.ErrorMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Alternate_key_get_returns_the_row()
    {
        var reply = await _f.GetAsync("accounts(accountnumber='A-2')?$select=name");
        Assert.Equal(200, reply.Status);
        Assert.Equal(_f.Fabrikam.ToString(), reply.Body.GetProperty("accountid").GetString());
        Assert.Equal(404, (await _f.GetAsync("accounts(accountnumber='nope')")).Status);
        Assert.Equal(400, (await _f.GetAsync("accounts(name='Contoso')")).Status); // not a defined key
    }

    [Fact]
    public async Task If_none_match_with_the_current_etag_returns_304()
    {
        var first = await _f.GetAsync($"accounts({_f.Contoso})?$select=name");
        var etag = first.Header("ETag")!;
        var again = await _f.GetAsync($"accounts({_f.Contoso})?$select=name", configure: r => r.Headers.TryAddWithoutValidation("If-None-Match", etag));
        Assert.Equal(304, again.Status);
        var stale = await _f.GetAsync($"accounts({_f.Contoso})?$select=name", configure: r => r.Headers.TryAddWithoutValidation("If-None-Match", "W/\"1\""));
        Assert.Equal(200, stale.Status);
    }

    [Fact]
    public async Task Unknown_entity_set_returns_404()
    {
        var reply = await _f.GetAsync("widgets");
        Assert.Equal(404, reply.Status);
        Assert.Equal("Resource not found for the segment 'widgets'.", reply.ErrorMessage);
    }

    [Fact]
    public async Task Malformed_id_and_deeper_segments_are_refused()
    {
        Assert.Equal(400, (await _f.GetAsync("accounts(not-a-guid)")).Status);
        var property = await _f.GetAsync($"accounts({_f.Contoso})/name");
        Assert.Equal(501, property.Status);
        Assert.Contains("/name", property.ErrorMessage);
    }

    [Fact]
    public async Task WhoAmI_returns_the_caller_and_other_dollar_resources_are_named_as_not_emulated()
    {
        var who = await _f.GetAsync("WhoAmI");
        Assert.Equal(200, who.Status);
        Assert.Equal(_f.CallerId.ToString(), who.Body.GetProperty("UserId").GetString());
        Assert.Equal(_f.Org.OrganizationId.ToString(), who.Body.GetProperty("OrganizationId").GetString());
        var entity = await _f.GetAsync("$entity");
        Assert.Equal(501, entity.Status);
        Assert.Contains("$entity", entity.ErrorMessage);
    }
}
