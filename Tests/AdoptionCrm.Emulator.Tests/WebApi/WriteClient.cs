using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AdoptionCrm.Emulator.Tests.WebApi;

/// <summary>Sends Web API writes (JSON bodies, Prefer/If-Match headers) and $batch bodies as a client would.</summary>
internal static class WriteClient
{
    public static async Task<Reply> SendAsync(HttpClient http, HttpMethod method, Uri url, object? body = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add("OData-MaxVersion", "4.0");
        request.Headers.Add("OData-Version", "4.0");
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        if (body is not null)
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var all = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Reply((int)response.StatusCode, text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default, text, all);
    }

    /// <summary>A $batch body: each inner list is one change set of (method, relative URL, JSON body) requests.</summary>
    public static (string ContentType, string Body) Batch(IEnumerable<IReadOnlyList<(string Method, string Url, string? Json)>> changeSets)
    {
        var batch = "batch_" + Guid.NewGuid().ToString("N");
        var text = new StringBuilder();
        var contentId = 0;
        foreach (var set in changeSets)
        {
            var changeSet = "changeset_" + Guid.NewGuid().ToString("N");
            text.Append($"--{batch}\r\nContent-Type: multipart/mixed; boundary={changeSet}\r\n\r\n");
            foreach (var (method, url, json) in set)
            {
                text.Append($"--{changeSet}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: {++contentId}\r\n\r\n");
                text.Append($"{method} /api/data/v9.2/{url} HTTP/1.1\r\nContent-Type: application/json; type=entry\r\n\r\n{json}\r\n");
            }
            text.Append($"--{changeSet}--\r\n");
        }
        text.Append($"--{batch}--\r\n");
        return ($"multipart/mixed; boundary={batch}", text.ToString());
    }

    public static async Task<(int Status, string Text)> PostBatchAsync(HttpClient http, Uri baseUrl, (string ContentType, string Body) batch, string? prefer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "$batch"));
        request.Headers.Add("OData-MaxVersion", "4.0");
        request.Headers.Add("OData-Version", "4.0");
        if (prefer is not null) request.Headers.TryAddWithoutValidation("Prefer", prefer);
        request.Content = new StringContent(batch.Body, Encoding.UTF8);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(batch.ContentType);
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
