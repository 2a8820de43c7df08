namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// A service protection limit a test switches on (<see cref="WebApiServer.ServiceProtection"/>) so a client's
/// retry logic meets what Dataverse answers (PAD:api-limits): more than <see cref="MaxRequests"/> requests
/// within a sliding <see cref="Window"/> of the organization's clock get 429 Too Many Requests with a
/// Retry-After header (seconds) and error code 0x80072322 ("Number of requests exceeded the limit…").
/// Chosen so: a $batch counts as one request (the docs do not say how its requests are counted).
/// </summary>
public sealed class ServiceProtectionLimit
{
    public const string RequestsExceededCode = "0x80072322";
    private readonly Queue<DateTime> _recent = new();

    public ServiceProtectionLimit(int maxRequests, TimeSpan window)
    {
        if (maxRequests < 1) throw new ArgumentOutOfRangeException(nameof(maxRequests));
        if (window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window));
        MaxRequests = maxRequests;
        Window = window;
    }

    public int MaxRequests { get; }
    public TimeSpan Window { get; }

    /// <summary>Counts a request at <paramref name="now"/>: null when it may run, else the 429 to answer.</summary>
    public WebApiException? Admit(DateTime now)
    {
        lock (_recent)
        {
            while (_recent.Count > 0 && _recent.Peek() <= now - Window) _recent.Dequeue();
            if (_recent.Count >= MaxRequests)
            {
                var wait = _recent.Peek() + Window - now;
                return new WebApiException(429, RequestsExceededCode,
                    $"Number of requests exceeded the limit of {MaxRequests} over time window of {(int)Window.TotalSeconds} seconds.")
                { RetryAfterSeconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) };
            }
            _recent.Enqueue(now);
            return null;
        }
    }
}
