using AdoptionCrm.Emulator.WebApi;

namespace AdoptionCrm.Emulator.Tests.WebApi;

/// <summary>
/// Test classes that talk to one organization over its Web API: the server starts before the first test
/// of an instance and stops after it, with one HTTP client, and requests go through <see cref="WriteClient"/>.
/// </summary>
public abstract class ServedOrganizationTests : IAsyncLifetime
{
    protected ServedOrganizationTests(EmulatedOrganization org) => Org = org;

    protected EmulatedOrganization Org { get; }

    protected HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    protected WebApiServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await WebApiServer.StartAsync(Org, Org.SystemUserId);

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    protected Task<Reply> Send(HttpMethod method, string relative, object? body = null, params (string, string)[] headers) =>
        WriteClient.SendAsync(Http, method, new Uri(Server.BaseUrl, relative), body, headers);
}
