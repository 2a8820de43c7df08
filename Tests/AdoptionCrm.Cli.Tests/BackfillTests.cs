using AdoptionCrm.Cli.Environments;
using AdoptionCrm.Emulator;
using AdoptionCrm.Emulator.WebApi;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Steps;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Cli.Tests;

/// <summary>backfill and status against the emulator's Web API on 127.0.0.1, on an organization seeded with no plug-ins (as before install).</summary>
public sealed class BackfillTests : IAsyncLifetime
{
    private readonly EmulatedOrganization _org;
    private readonly string _checkpoint = Path.Combine(Path.GetTempPath(), "adoptioncrm-backfill-" + Guid.NewGuid().ToString("N") + ".json");
    private readonly HttpClient _http = new();
    private WebApiServer _server = null!;

    public BackfillTests() : this(loadCustomApis: true) { }

    private BackfillTests(bool loadCustomApis)
    {
        _org = EmulatedOrganization.Create(new EmulatorOptions { LoadSolutionCustomApis = loadCustomApis });
        var service = _org.SystemService;
        var contoso = service.Create(new Entity(AccountColumns.EntityName) { [AccountColumns.Name] = "Contoso", [AccountColumns.WebsiteUrl] = "https://www.Contoso.com/about" });
        service.Create(new Entity(AccountColumns.EntityName) { [AccountColumns.Name] = "Fabrikam", [AccountColumns.WebsiteUrl] = "fabrikam.com" });
        service.Create(new Entity(AccountColumns.EntityName) { [AccountColumns.Name] = "No site" });
        service.Create(new Entity(AccountColumns.EntityName) { [AccountColumns.Name] = "Bad site", [AccountColumns.WebsiteUrl] = "not a website" });
        var tailspin = service.Create(new Entity(AccountColumns.EntityName) { [AccountColumns.Name] = "Tailspin", [AccountColumns.WebsiteUrl] = "http://tailspin.com" });
        service.Create(new Entity(AccountDomainColumns.EntityName)
        {
            [AccountDomainColumns.Name] = "tailspin.com", [AccountDomainColumns.AccountId] = new EntityReference(AccountColumns.EntityName, tailspin),
            [AccountDomainColumns.IsPrimary] = true, [AccountDomainColumns.Source] = new OptionSetValue((int)DomainSource.Manual),
        });
        for (var i = 0; i < 3; i++)
            service.Create(new Entity(LeadColumns.EntityName) { [LeadColumns.LastName] = "Person " + i, [LeadColumns.EmailAddress1] = $"p{i}@contoso.com" });
        ContosoId = contoso;
        // Installed now: the product's steps and the rebuild's plug-in type from here on.
        _org.Steps.RegisterAssembly(typeof(AdoptionCrm.Plugins.Infrastructure.PluginBase).Assembly);
        _org.RegisterPluginType<RebuildPlugin>();
    }

    private Guid ContosoId { get; }

    public static BackfillTests WithoutRebuildAction() => new(loadCustomApis: false);

    public async Task InitializeAsync() => _server = await WebApiServer.StartAsync(_org, _org.SystemUserId);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
        File.Delete(_checkpoint);
    }

    private DataverseClient Client() => new(_http, _server.BaseUrl, _ => Task.FromResult<string?>(null),
        (wait, _) => { _org.Clock.Advance(wait); return Task.CompletedTask; });

    private BackfillRunner Runner(DataverseClient client, int? maxRebuildCalls = null) =>
        new(client, _checkpoint, (_, _, _) => { }) { MaxRebuildCalls = maxRebuildCalls };

    private List<Entity> Domains() => _org.SystemService.RetrieveMultiple(new QueryExpression(AccountDomainColumns.EntityName) { ColumnSet = new ColumnSet(true) }).Entities.ToList();

    [Fact]
    public async Task Backfill_creates_a_website_domain_row_per_account_without_one_and_runs_the_rebuild_to_the_end()
    {
        var result = await Runner(Client()).RunAsync();

        Assert.Equal(2, result.DomainsCreated); // contoso.com, fabrikam.com; tailspin.com had its row, two accounts give no domain
        Assert.Equal(2, result.AccountsSkipped); // tailspin.com has its row; "not a website" gives no domain (no website: not read)
        Assert.False(result.RebuildMissing);
        Assert.True(result.RebuildCalls >= 1);
        var contoso = Assert.Single(Domains(), d => d.GetAttributeValue<string>(AccountDomainColumns.Name) == "contoso.com");
        Assert.Equal(ContosoId, contoso.GetAttributeValue<EntityReference>(AccountDomainColumns.AccountId).Id);
        Assert.True(contoso.GetAttributeValue<bool>(AccountDomainColumns.IsPrimary));
        Assert.Equal((int)DomainSource.Website, contoso.GetAttributeValue<OptionSetValue>(AccountDomainColumns.Source).Value);
        Assert.Single(Domains(), d => d.GetAttributeValue<string>(AccountDomainColumns.Name) == "tailspin.com");
        Assert.Equal(BackfillCheckpoint.DoneStep, BackfillCheckpoint.Load(_checkpoint, _server.BaseUrl.AbsoluteUri).Step);
    }

    [Fact]
    public async Task A_run_after_completion_changes_nothing()
    {
        await Runner(Client()).RunAsync();
        var before = Domains().Select(d => (d.Id, d.GetAttributeValue<string>(AccountDomainColumns.Name))).OrderBy(d => d.Id).ToList();
        var client = Client();

        var again = await Runner(client).RunAsync();

        Assert.Equal(new BackfillResult(0, 0, 0, 0, false), again);
        Assert.Equal(0, client.Counters.Requests);
        Assert.Equal(before, Domains().Select(d => (d.Id, d.GetAttributeValue<string>(AccountDomainColumns.Name))).OrderBy(d => d.Id).ToList());
    }

    [Fact]
    public async Task An_interrupted_run_resumes_from_its_checkpoint_without_redoing_the_domain_step()
    {
        var first = await Runner(Client(), maxRebuildCalls: 0).RunAsync();
        Assert.Equal((2, 0), (first.DomainsCreated, first.RebuildCalls));
        Assert.Equal(BackfillCheckpoint.RebuildStep, BackfillCheckpoint.Load(_checkpoint, _server.BaseUrl.AbsoluteUri).Step);
        _org.SystemService.Delete(AccountDomainColumns.EntityName, Domains().Single(d => d.GetAttributeValue<string>(AccountDomainColumns.Name) == "fabrikam.com").Id);

        var resumed = await Runner(Client()).RunAsync();

        Assert.Equal(0, resumed.DomainsCreated); // the domain step is not run again (fabrikam.com stays deleted)
        Assert.True(resumed.RebuildCalls >= 1);
        Assert.DoesNotContain(Domains(), d => d.GetAttributeValue<string>(AccountDomainColumns.Name) == "fabrikam.com");
        Assert.Equal(BackfillCheckpoint.DoneStep, BackfillCheckpoint.Load(_checkpoint, _server.BaseUrl.AbsoluteUri).Step);
    }

    [Fact]
    public async Task Under_service_protection_the_client_waits_Retry_After_and_succeeds()
    {
        _server.ServiceProtection = new ServiceProtectionLimit(3, TimeSpan.FromSeconds(60));
        var client = Client();
        var start = _org.Clock.UtcNow;

        var result = await Runner(client).RunAsync();

        Assert.Equal(2, result.DomainsCreated);
        Assert.True(client.Counters.Retries >= 1, client.Counters.ToString());
        Assert.True(client.Counters.Waited >= TimeSpan.FromSeconds(1), client.Counters.ToString());
        Assert.Equal(client.Counters.Waited, _org.Clock.UtcNow - start);
        Assert.True(client.Counters.Requests > client.Counters.Retries);
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_error_says_so()
    {
        _server.ServiceProtection = new ServiceProtectionLimit(1, TimeSpan.FromSeconds(60));
        var client = new DataverseClient(_http, _server.BaseUrl, _ => Task.FromResult<string?>(null), (_, _) => Task.CompletedTask) { MaxRetries = 2 };
        await client.QueryAsync("accounts?$select=name").ToListAsync();

        var error = await Assert.ThrowsAsync<DataverseException>(async () => await client.QueryAsync("accounts?$select=name").ToListAsync());

        Assert.Equal(429, error.Status);
        Assert.Equal(ServiceProtectionLimit.RequestsExceededCode, error.Code);
        Assert.Contains("gave up after 2 retries", error.Message);
        Assert.Equal((4, 2), (client.Counters.Requests, client.Counters.Retries));
    }

    [Fact]
    public async Task Dataverse_error_bodies_become_messages_naming_the_call()
    {
        var error = await Assert.ThrowsAsync<DataverseException>(async () => await Client().QueryAsync("accounts?$select=nosuchcolumn").ToListAsync());
        Assert.Equal(400, error.Status);
        Assert.StartsWith("GET accounts?$select=nosuchcolumn: 400", Uri.UnescapeDataString(error.Message));
    }

    [Fact]
    public async Task Status_counts_accounts_domains_and_leads()
    {
        await Runner(Client()).RunAsync();
        var counts = (await StatusCounts.ReadAsync(Client())).ToDictionary(c => c.Name, c => c.Count);
        Assert.Equal(5, counts["accounts"]);
        Assert.Equal(3, counts["account domains"]);
        Assert.Equal(3, counts["leads linked"] + counts["leads unlinked"]);
        Assert.NotNull(counts["adopters"]);
        Assert.NotNull(counts["companies"]);
    }

    [Fact]
    public async Task Without_the_rebuild_action_the_backfill_says_so()
    {
        var bare = WithoutRebuildAction();
        await bare.InitializeAsync();
        try
        {
            var result = await bare.Runner(bare.Client()).RunAsync();
            Assert.True(result.RebuildMissing);
            Assert.Equal(BackfillCheckpoint.RebuildStep, BackfillCheckpoint.Load(bare._checkpoint, bare._server.BaseUrl.AbsoluteUri).Step);
        }
        finally { await bare.DisposeAsync(); }
    }
}
