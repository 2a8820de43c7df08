using System.Text.RegularExpressions;
using AdoptionCrm.Emulator.WebApi;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests.WebApi;

/// <summary>
/// Signups through the Web API with the shipped plug-ins registered: a POSTed lead is linked exactly as an
/// SDK Create links it, and a $batch of 1,000 signups in change sets of 100 commits per change set.
/// </summary>
public sealed class SignupWebApiTests : IAsyncLifetime
{
    private readonly EmulatedOrganization _org = EmulatedOrganization.Create(new EmulatorOptions
    {
        PluginAssemblies = { typeof(AdoptionCrm.Plugins.Infrastructure.PluginBase).Assembly },
    });
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(5) };
    private WebApiServer _server = null!;
    private Guid _contoso;

    public async Task InitializeAsync()
    {
        var rep = _org.CreateUser("Rita", "Rep");
        _contoso = _org.SystemService.Create(new Entity(AccountColumns.EntityName) { [AccountColumns.Name] = "Contoso", [AccountColumns.OwnerId] = new EntityReference("systemuser", rep) });
        _org.SystemService.Create(new Entity(AccountDomainColumns.EntityName)
        {
            [AccountDomainColumns.Name] = "contoso.com",
            [AccountDomainColumns.AccountId] = new EntityReference(AccountColumns.EntityName, _contoso),
            [AccountDomainColumns.Source] = new OptionSetValue((int)DomainSource.Manual),
        });
        _server = await WebApiServer.StartAsync(_org, rep);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private Entity Lead(Guid id) => _org.SystemService.Retrieve(LeadColumns.EntityName, id, new ColumnSet(true));

    private List<Entity> Leads()
    {
        var query = new QueryExpression(LeadColumns.EntityName) { ColumnSet = new ColumnSet(LeadColumns.EmailAddress1, LeadColumns.ParentAccountId) };
        return _org.SystemService.RetrieveMultiple(query).Entities.ToList();
    }

    [Fact]
    public async Task Signup_POSTed_to_leads_runs_the_real_plugins_and_is_linked_exactly_as_an_SDK_Create()
    {
        var sdk = Lead(_org.GetService(_server.CallerId).Create(new Entity(LeadColumns.EntityName) { [LeadColumns.LastName] = "Signup", [LeadColumns.EmailAddress1] = "ann@contoso.com" }));
        var reply = await WriteClient.SendAsync(_http, HttpMethod.Post, new Uri(_server.BaseUrl, "leads"),
            new Dictionary<string, object> { [LeadColumns.LastName] = "Signup", [LeadColumns.EmailAddress1] = "bob@contoso.com" });
        Assert.Equal(204, reply.Status);
        var entityId = reply.Header("OData-EntityId")!;
        var web = Lead(Guid.Parse(entityId[(entityId.IndexOf('(') + 1)..^1]));
        Assert.Equal(_contoso, web.GetAttributeValue<EntityReference>(LeadColumns.ParentAccountId)?.Id);
        // Every column the plug-ins set on the SDK lead has the same value on the Web API lead (ids, emails and stamps aside).
        var differs = new[] { LeadColumns.Id, LeadColumns.EmailAddress1, LeadColumns.NormalizedEmail, "fullname", "createdon", "modifiedon", "versionnumber" };
        foreach (var (column, value) in sdk.Attributes.Where(a => !differs.Contains(a.Key)))
            Assert.True(Equals(Comparable(value), Comparable(web.GetAttributeValue<object>(column))), $"{column}: SDK {Comparable(value)} vs Web API {Comparable(web.GetAttributeValue<object>(column))}");
    }

    private static object? Comparable(object? value) => value switch
    {
        EntityReference r => r.LogicalName + ":" + r.Id,
        OptionSetValue o => o.Value,
        Money m => m.Value,
        _ => value,
    };

    [Fact]
    public async Task Batch_of_1000_signups_in_change_sets_of_100_commits_each_change_set_and_a_failing_item_rolls_back_only_its_own()
    {
        var changeSets = Enumerable.Range(0, 10).Select(set => (IReadOnlyList<(string, string, string?)>)Enumerable.Range(0, 100).Select(i =>
        {
            var lastName = set == 3 && i == 57 ? new string('x', 51) : "Signup"; // lastname holds 50: this item fails
            return ("POST", "leads", (string?)$"{{\"lastname\":\"{lastName}\",\"emailaddress1\":\"p{set}-{i}@contoso.com\"}}");
        }).ToList());
        var (status, text) = await WriteClient.PostBatchAsync(_http, _server.BaseUrl, WriteClient.Batch(changeSets), PreferHeader.ContinueOnErrorToken);
        Assert.Equal(200, status);
        Assert.Equal(900, Regex.Matches(text, "HTTP/1.1 204").Count);
        Assert.Single(Regex.Matches(text, "HTTP/1.1 400"));
        Assert.Contains(ErrorMapper.Hex(ErrorCodes.MaxLengthExceeded), text);
        var leads = Leads();
        Assert.Equal(900, leads.Count);
        Assert.DoesNotContain(leads, l => ((string)l[LeadColumns.EmailAddress1]).StartsWith("p3-", StringComparison.Ordinal));
        Assert.All(leads, l => Assert.Equal(_contoso, l.GetAttributeValue<EntityReference>(LeadColumns.ParentAccountId)?.Id));
    }

    [Fact]
    public async Task Batch_without_continue_on_error_stops_after_the_failing_change_set()
    {
        var good = (IReadOnlyList<(string, string, string?)>)new[] { ("POST", "leads", (string?)"{\"lastname\":\"A\",\"emailaddress1\":\"a@contoso.com\"}") };
        var bad = (IReadOnlyList<(string, string, string?)>)new[] { ("POST", "leads", (string?)"{\"lastname\":\"B\"}"), ("POST", "leads", (string?)"{\"nope\":1}") };
        var (status, text) = await WriteClient.PostBatchAsync(_http, _server.BaseUrl, WriteClient.Batch(new[] { good, bad, good }));
        Assert.True(status == 200, text);
        Assert.Single(Regex.Matches(text, "HTTP/1.1 204"));
        Assert.Single(Regex.Matches(text, "HTTP/1.1 400"));
        Assert.Single(Leads()); // the first change set only: B rolled back with its set, the third never ran
    }

    [Fact]
    public async Task Batch_of_more_than_1000_requests_is_refused()
    {
        var many = (IReadOnlyList<(string, string, string?)>)Enumerable.Range(0, 1001).Select(i => ("POST", "leads", (string?)"{\"lastname\":\"x\"}")).ToList();
        var (status, _) = await WriteClient.PostBatchAsync(_http, _server.BaseUrl, WriteClient.Batch(new[] { many }));
        Assert.Equal(400, status);
        Assert.Empty(Leads());
    }
}
