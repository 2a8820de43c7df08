using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// The emulator's Dataverse Web API on 127.0.0.1 (Kestrel from the shared framework, nothing
/// downloaded): reads, writes, $batch and Custom APIs as one caller user, plus the panel's static files when a
/// WebResources folder is given. Start it, read <see cref="BaseUrl"/>, dispose it to stop.
/// </summary>
public sealed class WebApiServer : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly WebApiRouter _router;
    private readonly EmulatedOrganization _org;
    private readonly Microsoft.Xrm.Sdk.IOrganizationService _service;
    private readonly StaticFiles? _files;
    private int _stopped;

    private WebApiServer(EmulatedOrganization org, Guid callerId, int port, string? webResourcesRoot)
    {
        _org = org;
        _router = new WebApiRouter(org);
        _service = org.GetService(callerId);
        _files = webResourcesRoot is null ? null : new StaticFiles(webResourcesRoot);
        CallerId = callerId;
        _host = new HostBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            // The caller (tests, `adoptioncrm demo --serve`) owns Ctrl+C and shutdown, not the host.
            .ConfigureServices(services => services.AddSingleton<IHostLifetime, CallerOwnedLifetime>())
            .ConfigureWebHost(web => web
                .UseKestrel(kestrel =>
                {
                    kestrel.Listen(IPAddress.Loopback, port);
                    kestrel.AddServerHeader = false;
                })
                .Configure(app => app.Run(HandleAsync)))
            .Build();
    }

    /// <summary>Switch on Dataverse's 429 answers (null = off, the default); counted on the organization's clock.</summary>
    public ServiceProtectionLimit? ServiceProtection { get; set; }

    /// <summary>The user every request runs as (plugins see it as the initiating user).</summary>
    public Guid CallerId { get; }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri Origin { get; private set; } = null!;

    /// <summary>http://127.0.0.1:PORT/api/data/v9.2/</summary>
    public Uri BaseUrl => new(Origin, EntitySetHandler.ApiPath);

    public int Port => Origin.Port;

    /// <summary>Starts serving; port 0 picks a free port. The server runs until disposed.</summary>
    public static async Task<WebApiServer> StartAsync(EmulatedOrganization org, Guid callerId, int port = 0, string? webResourcesRoot = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(org);
        if (port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(port));
        if (webResourcesRoot is not null && !Directory.Exists(webResourcesRoot))
            throw new DirectoryNotFoundException($"The WebResources folder '{webResourcesRoot}' does not exist.");
        var server = new WebApiServer(org, callerId, port, webResourcesRoot);
        await server._host.StartAsync(cancellationToken);
        var address = server._host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Origin = new Uri(new Uri(address).GetLeftPart(UriPartial.Authority).Replace("localhost", "127.0.0.1") + "/");
        return server;
    }

    public static WebApiServer Start(EmulatedOrganization org, Guid callerId, int port = 0, string? webResourcesRoot = null) =>
        StartAsync(org, callerId, port, webResourcesRoot).GetAwaiter().GetResult();

    /// <summary>Serves until Ctrl+C (or the token), then stops cleanly: in-flight requests finish, the port is released.</summary>
    public async Task RunUntilCancelledAsync(CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCtrlC = (_, e) =>
        {
            e.Cancel = true; // let this method stop the server rather than the runtime killing the process
            stop.Cancel();
        };
        Console.CancelKeyPress += onCtrlC;
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        finally
        {
            Console.CancelKeyPress -= onCtrlC;
            await StopAsync();
        }
    }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task HandleAsync(HttpContext context)
    {
        try
        {
            if (CorsHeaders.Apply(context)) return;
            var path = context.Request.Path.Value ?? "/";
            if (path.StartsWith(EntitySetHandler.ApiPath, StringComparison.Ordinal))
            {
                if (ServiceProtection?.Admit(_org.Clock.UtcNow) is { } tooMany) throw tooMany;
                await _router.HandleAsync(context, path[EntitySetHandler.ApiPath.Length..], _service, CallerId);
            }
            else if (_files is not null && _files.Handles(path) && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
                await _files.ServeAsync(context, path);
            else
                throw WebApiException.NotFound($"Resource not found: '{path}'. The Web API is at {EntitySetHandler.ApiPath}"
                    + (_files is null ? "." : ", the panel at /WebResources/ and its host page at /host/account-form.html."));
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.Response.Clear();
            CorsHeaders.Apply(context);
            await JsonResponse.ErrorAsync(context, ErrorMapper.Map(e));
        }
    }

    /// <summary>No console hooks: stopping is the caller's decision (see <see cref="RunUntilCancelledAsync"/>).</summary>
    private sealed class CallerOwnedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
