using Microsoft.AspNetCore.Http;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// Lets a page served from another local port (a dev server on 127.0.0.1 or localhost) call the Web
/// API, credentials included as the host page sends them; any other origin gets no CORS headers, so
/// the browser keeps the local data away from web pages on the internet.
/// </summary>
public static class CorsHeaders
{
    private const string AllowedHeaders = "Accept, Content-Type, OData-Version, OData-MaxVersion, Prefer, If-Match, If-None-Match, Authorization, x-adopt-test";
    private const string ExposedHeaders = "Preference-Applied, OData-Version, OData-EntityId, ETag, Location";

    public static bool IsLocalOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && (uri.Host == "127.0.0.1" || uri.Host == "localhost" || uri.Host == "[::1]");

    /// <summary>Adds the headers; returns true when the request was a preflight that is now answered.</summary>
    public static bool Apply(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || !IsLocalOrigin(origin)) return false;
        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlAllowCredentials = "true";
        headers.AccessControlExposeHeaders = ExposedHeaders;
        headers.Vary = "Origin";
        if (!HttpMethods.IsOptions(context.Request.Method) || context.Request.Headers.AccessControlRequestMethod.Count == 0) return false;
        headers.AccessControlAllowMethods = "GET, OPTIONS";
        headers.AccessControlAllowHeaders = AllowedHeaders;
        headers.AccessControlMaxAge = "600";
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return true;
    }
}
