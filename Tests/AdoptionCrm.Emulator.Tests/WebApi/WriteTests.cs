using System.Text.Json;
using AdoptionCrm.Emulator.WebApi;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests.WebApi;

/// <summary>Web API writes: POST, PATCH (update/upsert, If-Match/If-None-Match), DELETE, @odata.bind, return=representation, errors.</summary>
public sealed class WriteTests : ServedOrganizationTests
{
    public WriteTests() : base(WebApiFixture.Create()) { }

    private const string Representation = "return=representation";

    private Entity Row(string table, Guid id) => Org.SystemService.Retrieve(table, id, new ColumnSet(true));

    [Fact]
    public async Task Post_creates_the_row_through_the_pipeline_and_answers_204_with_its_OData_EntityId()
    {
        var created = 0;
        Org.On("Create", "account", 20, (c, f, t) => created++);
        var reply = await Send(HttpMethod.Post, "accounts", new { name = "Contoso", numberofemployees = 50, revenue = 12.5m });
        Assert.Equal(204, reply.Status);
        var entityId = reply.Header("OData-EntityId")!;
        Assert.StartsWith(new Uri(Server.BaseUrl, "accounts(").ToString(), entityId);
        var id = Guid.Parse(entityId[(entityId.IndexOf('(') + 1)..^1]);
        var row = Row("account", id);
        Assert.Equal(("Contoso", 50, 12.5m), (row["name"], row["numberofemployees"], row.GetAttributeValue<Money>("revenue").Value));
        Assert.Equal(1, created);
    }

    [Fact]
    public async Task Post_with_return_representation_answers_201_with_the_selected_columns_and_etag()
    {
        var reply = await Send(HttpMethod.Post, "accounts?$select=name,numberofemployees", new { name = "Fabrikam", numberofemployees = 7 }, ("Prefer", Representation));
        Assert.Equal(201, reply.Status);
        Assert.Equal("Fabrikam", reply.Body.GetProperty("name").GetString());
        Assert.Equal(7, reply.Body.GetProperty("numberofemployees").GetInt32());
        Assert.StartsWith("W/\"", reply.Body.GetProperty("@odata.etag").GetString());
        Assert.Equal(Representation, reply.Header("Preference-Applied"));
    }

    [Fact]
    public async Task Odata_bind_sets_a_lookup_by_id_or_by_alternate_key()
    {
        var account = Org.SystemService.Create(new Entity("account") { ["name"] = "Parent", ["accountnumber"] = "P-1" });
        var byId = await Send(HttpMethod.Post, "leads", new Dictionary<string, object> { ["lastname"] = "One", ["parentaccountid@odata.bind"] = $"/accounts({account})" }, ("Prefer", Representation));
        Assert.Equal(account.ToString(), byId.Body.GetProperty("_parentaccountid_value").GetString());
        var byKey = await Send(HttpMethod.Post, "leads", new Dictionary<string, object> { ["lastname"] = "Two", ["parentaccountid@odata.bind"] = "accounts(accountnumber='P-1')" }, ("Prefer", Representation));
        Assert.Equal(account.ToString(), byKey.Body.GetProperty("_parentaccountid_value").GetString());
    }

    [Fact]
    public async Task Writes_refuse_unknown_properties_mistyped_values_and_the_read_only_lookup_value_with_400()
    {
        Assert.Contains("Could not find a property named 'nom'", (await Send(HttpMethod.Post, "accounts", new { nom = "x" })).ErrorMessage);
        Assert.Equal(400, (await Send(HttpMethod.Post, "accounts", new { name = "x", numberofemployees = "many" })).Status);
        var lookup = await Send(HttpMethod.Post, "leads", new Dictionary<string, object> { ["lastname"] = "x", ["_parentaccountid_value"] = Guid.NewGuid() });
        Assert.Contains("@odata.bind", lookup.ErrorMessage);
        Assert.Equal(400, (await Send(HttpMethod.Post, "accounts", "not json")).Status);
    }

    [Fact]
    public async Task Platform_validation_errors_on_write_keep_their_codes()
    {
        var reply = await Send(HttpMethod.Post, "accounts", new { name = new string('x', 161) });
        Assert.Equal(400, reply.Status);
        Assert.Equal(ErrorMapper.Hex(ErrorCodes.MaxLengthExceeded), reply.ErrorCode);
    }

    [Fact]
    public async Task Patch_upserts_creating_a_missing_row_201_and_updating_an_existing_one_200()
    {
        var id = Guid.NewGuid();
        var create = await Send(HttpMethod.Patch, $"accounts({id})", new { name = "New" }, ("Prefer", Representation));
        Assert.Equal(201, create.Status);
        var update = await Send(HttpMethod.Patch, $"accounts({id})", new { name = "Renamed" }, ("Prefer", Representation));
        Assert.Equal(200, update.Status);
        Assert.Equal("Renamed", Row("account", id)["name"]);
        Assert.Equal(204, (await Send(HttpMethod.Patch, $"accounts({id})", new { name = "Quiet" })).Status);
    }

    [Fact]
    public async Task Patch_by_alternate_key_upserts_with_the_key_values()
    {
        Assert.Equal(204, (await Send(HttpMethod.Patch, "accounts(accountnumber='K-9')", new { name = "Keyed" })).Status);
        var rows = Org.SystemService.RetrieveMultiple(new QueryByAttribute("account") { ColumnSet = new ColumnSet("name"), Attributes = { "accountnumber" }, Values = { "K-9" } }).Entities;
        Assert.Equal("Keyed", Assert.Single(rows)["name"]);
    }

    [Fact]
    public async Task Patch_with_If_Match_star_only_updates_404_when_the_row_is_missing()
    {
        var reply = await Send(HttpMethod.Patch, $"accounts({Guid.NewGuid()})", new { name = "Ghost" }, ("If-Match", "*"));
        Assert.Equal(404, reply.Status);
        Assert.Equal(0, Org.Store.CommittedCount("account"));
    }

    [Fact]
    public async Task Patch_with_If_None_Match_star_only_creates_412_when_the_row_exists()
    {
        var id = Org.SystemService.Create(new Entity("account") { ["name"] = "Exists" });
        var reply = await Send(HttpMethod.Patch, $"accounts({id})", new { name = "Overwritten" }, ("If-None-Match", "*"));
        Assert.Equal(412, reply.Status);
        Assert.Equal("Exists", Row("account", id)["name"]);
    }

    [Fact]
    public async Task Patch_with_a_stale_etag_is_412_and_with_the_current_one_updates()
    {
        var id = Org.SystemService.Create(new Entity("account") { ["name"] = "Versioned" });
        var etag = (await WebApiFixture.SendAsync(Http, new Uri(Server.BaseUrl, $"accounts({id})?$select=name"))).Header("ETag")!;
        Org.SystemService.Update(new Entity("account", id) { ["name"] = "Changed elsewhere" });
        Assert.Equal(412, (await Send(HttpMethod.Patch, $"accounts({id})", new { name = "Mine" }, ("If-Match", etag))).Status);
        var fresh = (await WebApiFixture.SendAsync(Http, new Uri(Server.BaseUrl, $"accounts({id})?$select=name"))).Header("ETag")!;
        Assert.Equal(204, (await Send(HttpMethod.Patch, $"accounts({id})", new { name = "Mine" }, ("If-Match", fresh))).Status);
        Assert.Equal("Mine", Row("account", id)["name"]);
    }

    [Fact]
    public async Task Delete_removes_the_row_204_and_checks_an_If_Match_etag()
    {
        var id = Org.SystemService.Create(new Entity("account") { ["name"] = "Doomed" });
        Assert.Equal(412, (await Send(HttpMethod.Delete, $"accounts({id})", null, ("If-Match", "W/\"1\""))).Status);
        Assert.Equal(204, (await Send(HttpMethod.Delete, $"accounts({id})")).Status);
        Assert.Equal(0, Org.Store.CommittedCount("account"));
        Assert.Equal(404, (await Send(HttpMethod.Delete, $"accounts({id})")).Status);
    }

    [Fact]
    public async Task Plugin_error_on_write_answers_400_IsvAborted_with_SubErrorCode_and_OperationStatus_annotations()
    {
        Org.On("Create", "account", 20, (c, f, t) => { t.Trace("checking"); throw new InvalidPluginExecutionException(OperationStatus.Failed, 777, "No accounts today."); });
        var reply = await Send(HttpMethod.Post, "accounts", new { name = "x" }, ("Prefer", "odata.include-annotations=\"*\""));
        Assert.Equal(400, reply.Status);
        Assert.Equal(("0x80040265", "No accounts today."), (reply.ErrorCode, reply.ErrorMessage));
        var error = reply.Body.GetProperty("error");
        Assert.Equal("777", error.GetProperty("@Microsoft.PowerApps.CDS.ErrorDetails.SubErrorCode").GetString());
        Assert.Equal("0", error.GetProperty("@Microsoft.PowerApps.CDS.ErrorDetails.OperationStatus").GetString());
        Assert.Contains("checking", error.GetProperty("@Microsoft.PowerApps.CDS.TraceText").GetString());
        var plain = await Send(HttpMethod.Post, "accounts", new { name = "x" });
        Assert.False(plain.Body.GetProperty("error").TryGetProperty("@Microsoft.PowerApps.CDS.ErrorDetails.SubErrorCode", out _));
    }

    [Fact]
    public async Task Service_protection_answers_429_with_Retry_After_once_switched_on_and_recovers_when_the_window_passes()
    {
        Server.ServiceProtection = new ServiceProtectionLimit(2, TimeSpan.FromMinutes(5));
        Assert.Equal(200, (await WebApiFixture.SendAsync(Http, new Uri(Server.BaseUrl, "accounts"))).Status);
        Assert.Equal(204, (await Send(HttpMethod.Post, "accounts", new { name = "a" })).Status);
        var limited = await Send(HttpMethod.Post, "accounts", new { name = "b" });
        Assert.Equal(429, limited.Status);
        Assert.Equal(ServiceProtectionLimit.RequestsExceededCode, limited.ErrorCode);
        Assert.Equal("300", limited.Header("Retry-After"));
        Assert.Equal(1, Org.Store.CommittedCount("account")); // the refused request did nothing
        Org.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(204, (await Send(HttpMethod.Post, "accounts", new { name = "b" })).Status);
    }

    [Fact]
    public async Task Change_set_request_references_a_row_created_earlier_in_it_by_Content_ID()
    {
        var set = (IReadOnlyList<(string, string, string?)>)new[]
        {
            ("POST", "accounts", (string?)"{\"name\":\"Referenced\"}"),
            ("POST", "leads", (string?)"{\"lastname\":\"Child\",\"parentaccountid@odata.bind\":\"$1\"}"),
            ("PATCH", "$1", (string?)"{\"accountnumber\":\"R-1\"}"),
        };
        var (status, text) = await WriteClient.PostBatchAsync(Http, Server.BaseUrl, WriteClient.Batch(new[] { set }));
        Assert.True(status == 200, text);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(text, "HTTP/1.1 204").Count);
        var account = Assert.Single(Org.SystemService.RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet("accountnumber") }).Entities);
        Assert.Equal("R-1", account["accountnumber"]);
        var lead = Assert.Single(Org.SystemService.RetrieveMultiple(new QueryExpression("lead") { ColumnSet = new ColumnSet("parentaccountid") }).Entities);
        Assert.Equal(account.Id, lead.GetAttributeValue<EntityReference>("parentaccountid").Id);
    }
}
