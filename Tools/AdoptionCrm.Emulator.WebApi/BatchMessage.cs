using Microsoft.OData;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>The whole $batch request or response body as an OData message over a buffered stream, for Microsoft.OData.Core's batch reader and writer.</summary>
internal sealed class BatchMessage : IODataRequestMessage, IODataResponseMessage
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Stream _stream;

    public BatchMessage(Stream stream, Uri url, string method)
    {
        _stream = stream;
        Url = url;
        Method = method;
    }

    public IEnumerable<KeyValuePair<string, string>> Headers => _headers;
    public Uri Url { get; set; }
    public string Method { get; set; }
    public int StatusCode { get; set; } = 200;

    public string? GetHeader(string headerName) => _headers.GetValueOrDefault(headerName);
    public void SetHeader(string headerName, string headerValue) => _headers[headerName] = headerValue;
    public Stream GetStream() => _stream;
}
