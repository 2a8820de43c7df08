using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdoptionCrm.Cli.Environments; // plural: a namespace "Environment" would hide System.Environment in the CLI

/// <summary>
/// A small Dataverse Web API client (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/overview):
/// paged reads (Prefer: odata.maxpagesize, following @odata.nextLink), create, update, unbound actions.
/// Service protection (https://learn.microsoft.com/power-apps/developer/data-platform/api-limits): a 429 carries
/// Retry-After, the time to wait before retrying; the page also says a 503 Service Unavailable may come with
/// Retry-After under load. Both are retried after that wait, at most <see cref="MaxRetries"/> times per call.
/// Error bodies {"error":{"code","message"}} become a <see cref="DataverseException"/> naming the call.
/// </summary>
public sealed class DataverseClient
{
    public const int DefaultMaxRetries = 8;
    private static readonly TimeSpan FallbackWait = TimeSpan.FromSeconds(5);
    private readonly HttpClient _http;
    private readonly Func<CancellationToken, Task<string?>> _token;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    /// <param name="apiBase">…/api/data/v9.2/</param>
    /// <param name="token">The bearer token for each request (null: none, as the emulator needs).</param>
    /// <param name="delay">How to wait for Retry-After (tests move an emulated clock instead of sleeping).</param>
    public DataverseClient(HttpClient http, Uri apiBase, Func<CancellationToken, Task<string?>> token, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _http = http;
        ApiBase = apiBase.AbsoluteUri.EndsWith('/') ? apiBase : new Uri(apiBase.AbsoluteUri + "/");
        _token = token;
        _delay = delay ?? Task.Delay;
    }

    public Uri ApiBase { get; }
    public int MaxRetries { get; init; } = DefaultMaxRetries;
    public ClientCounters Counters { get; } = new();

    /// <summary>The Web API root of an environment URL ("https://org.crm.dynamics.com" → …/api/data/v9.2/).</summary>
    public static Uri ApiRootOf(Uri environment) =>
        environment.AbsolutePath.Contains("/api/data/", StringComparison.OrdinalIgnoreCase)
            ? environment
            : new Uri(new Uri(environment.GetLeftPart(UriPartial.Authority) + "/"), "api/data/v9.2/");

    /// <summary>Every row of a query ("accounts?$select=name"), page by page.</summary>
    public async IAsyncEnumerable<JsonObject> QueryAsync(string relative, int pageSize = 5000, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel = default)
    {
        Uri? next = new(ApiBase, relative);
        while (next != null)
        {
            var page = await SendAsync(HttpMethod.Get, next, null, cancel, ("Prefer", $"odata.maxpagesize={pageSize}"));
            foreach (var row in page!["value"]!.AsArray()) yield return row!.AsObject();
            next = page["@odata.nextLink"]?.GetValue<string>() is { } link ? new Uri(link) : null;
        }
    }

    /// <summary>One row ("adopt_backfillruns(id)?$select=…").</summary>
    public async Task<JsonObject> GetAsync(string relative, CancellationToken cancel = default) =>
        await SendAsync(HttpMethod.Get, new Uri(ApiBase, relative), null, cancel) ?? new JsonObject();

    /// <summary>Creates a row; returns its id (from OData-EntityId).</summary>
    public async Task<Guid> CreateAsync(string entitySet, JsonObject row, CancellationToken cancel = default)
    {
        var id = Guid.Empty;
        await SendAsync(HttpMethod.Post, new Uri(ApiBase, entitySet), row, cancel, onHeaders: response =>
        {
            var entityId = response.Headers.TryGetValues("OData-EntityId", out var values) ? values.First() : "";
            var open = entityId.LastIndexOf('(');
            if (open >= 0) Guid.TryParse(entityId[(open + 1)..].TrimEnd(')'), out id);
        });
        return id;
    }

    public Task UpdateAsync(string entitySet, Guid id, JsonObject changes, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Patch, new Uri(ApiBase, $"{entitySet}({id})"), changes, cancel, ("If-Match", "*"));

    /// <summary>Calls an unbound action; its response properties (an empty object for 204).</summary>
    public async Task<JsonObject> ActionAsync(string name, JsonObject parameters, CancellationToken cancel = default) =>
        await SendAsync(HttpMethod.Post, new Uri(ApiBase, name), parameters, cancel) ?? new JsonObject();

    private async Task<JsonObject?> SendAsync(HttpMethod method, Uri url, JsonObject? body, CancellationToken cancel,
        params (string Name, string Value)[] headers) => await SendAsync(method, url, body, cancel, null, headers);

    private async Task<JsonObject?> SendAsync(HttpMethod method, Uri url, JsonObject? body, CancellationToken cancel,
        Action<HttpResponseMessage>? onHeaders, params (string Name, string Value)[] headers)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Add("OData-MaxVersion", "4.0");
            request.Headers.Add("OData-Version", "4.0");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
            if (await _token(cancel) is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (body != null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            Counters.Requests++;
            using var response = await _http.SendAsync(request, cancel);
            var status = (int)response.StatusCode;
            if ((response.StatusCode == HttpStatusCode.TooManyRequests || response.StatusCode == HttpStatusCode.ServiceUnavailable) && attempt < MaxRetries)
            {
                var wait = response.Headers.RetryAfter?.Delta
                    ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : FallbackWait);
                if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
                Counters.Retries++;
                Counters.Waited += wait;
                await _delay(wait, cancel);
                continue;
            }
            var text = await response.Content.ReadAsStringAsync(cancel);
            if (!response.IsSuccessStatusCode) throw Refusal(method, url, status, text);
            onHeaders?.Invoke(response);
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text)!.AsObject();
        }
    }

    private DataverseException Refusal(HttpMethod method, Uri url, int status, string text)
    {
        string? code = null;
        var message = text.Length > 300 ? text[..300] : text;
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.TryGetProperty("error", out var error))
            {
                code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                message = error.TryGetProperty("message", out var m) ? m.GetString() ?? message : message;
            }
        }
        catch (JsonException) { }
        var path = url.PathAndQuery.StartsWith(ApiBase.AbsolutePath) ? url.PathAndQuery[ApiBase.AbsolutePath.Length..] : url.PathAndQuery;
        var tail = status == 429 || status == 503 ? $" (gave up after {MaxRetries} retries)" : "";
        return new DataverseException(status, code, $"{method} {path}: {status} {code} {message}{tail}".Replace("  ", " "));
    }
}
