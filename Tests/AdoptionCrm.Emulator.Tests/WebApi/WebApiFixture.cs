using System.Net.Http.Headers;
using System.Text.Json;
using AdoptionCrm.Emulator.WebApi;
using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Tests.WebApi;

/// <summary>
/// One emulated organization with two accounts and their leads, served on 127.0.0.1 (any free port)
/// for the Web API tests of a class; data goes in through the organization service, as a caller would.
/// </summary>
public sealed class WebApiFixture : IAsyncLifetime
{
    public const string Annotations = "odata.include-annotations=\"*\"";

    public EmulatedOrganization Org { get; } = Create();
    public WebApiServer Server { get; private set; } = null!;
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(20) };
    public Guid CallerId { get; private set; }
    public Guid Contoso { get; private set; }
    public Guid Fabrikam { get; private set; }
    public List<Guid> ContosoLeads { get; } = new();
    public List<Guid> FabrikamLeads { get; } = new();
    public Guid OrphanLead { get; private set; }

    public static EmulatedOrganization Create()
    {
        var options = new EmulatorOptions { RegisterShippedPlugins = false, LoadSolutionTables = false };
        options.Tables.Add(new TableDefinition("account") { Keys = new[] { new KeyDefinition("accountnumber_key", new[] { "accountnumber" }) } });
        return EmulatedOrganization.Create(options);
    }

    public async Task InitializeAsync()
    {
        CallerId = Org.CreateUser("Web", "Caller");
        var service = Org.GetService(CallerId);
        Contoso = service.Create(new Entity("account") { ["name"] = "Contoso", ["accountnumber"] = "A-1", ["revenue"] = new Money(1234.5m), ["numberofemployees"] = 250 });
        Fabrikam = service.Create(new Entity("account") { ["name"] = "O'Brien & Sons", ["accountnumber"] = "A-2" });
        for (var i = 0; i < 12; i++)
        {
            Org.Clock.Advance(TimeSpan.FromDays(1)); // createdon 2025-01-02 … 2025-01-13, one a day
            ContosoLeads.Add(service.Create(new Entity("lead")
            {
                ["firstname"] = $"Ann{i:00}", ["lastname"] = i % 2 == 0 ? "Lee" : "Kim",
                ["emailaddress1"] = $"ann{i:00}@contoso.com", ["jobtitle"] = i == 3 ? null : $"Engineer {i}",
                ["numberofemployees"] = i * 10, ["leadsourcecode"] = new OptionSetValue(i % 3 == 0 ? 8 : i % 3 == 1 ? 4 : 6),
                ["parentaccountid"] = new EntityReference("account", Contoso),
            }));
        }
        foreach (var name in new[] { "Zed", "Yan", "Xia" })
        {
            Org.Clock.Advance(TimeSpan.FromHours(1));
            FabrikamLeads.Add(service.Create(new Entity("lead")
            {
                ["firstname"] = name, ["lastname"] = "O'Hara", ["emailaddress1"] = $"{name.ToLowerInvariant()}@fabrikam.com",
                ["parentaccountid"] = new EntityReference("account", Fabrikam),
            }));
        }
        OrphanLead = service.Create(new Entity("lead") { ["lastname"] = "Nobody", ["emailaddress1"] = "nobody_100%@example.com" });
        Server = await WebApiServer.StartAsync(Org, CallerId, port: 0);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    public Task<Reply> GetAsync(string relative, string? prefer = null, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(Http, new Uri(Server.BaseUrl, relative), prefer, configure);

    public static async Task<Reply> SendAsync(HttpClient http, Uri url, string? prefer = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add("OData-MaxVersion", "4.0");
        request.Headers.Add("OData-Version", "4.0");
        if (prefer is not null) request.Headers.TryAddWithoutValidation("Prefer", prefer);
        configure?.Invoke(request);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Reply((int)response.StatusCode, text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default, text, headers);
    }
}

/// <summary>A response: status, parsed JSON body (default when not JSON), raw text and headers.</summary>
public sealed record Reply(int Status, JsonElement Body, string Text, Dictionary<string, string> Headers)
{
    public List<JsonElement> Rows => Body.GetProperty("value").EnumerateArray().ToList();

    public List<string?> Column(string name) => Rows.Select(r => r.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : null).ToList();

    public string ErrorCode => Body.GetProperty("error").GetProperty("code").GetString()!;

    public string ErrorMessage => Body.GetProperty("error").GetProperty("message").GetString()!;

    public string? Header(string name) => Headers.GetValueOrDefault(name);
}
