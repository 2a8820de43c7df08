using Microsoft.AspNetCore.Http;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// Serves the panel's build output and its host page from the same origin as the Web API (so the
/// page's fetches are same-origin): <c>/WebResources/…</c> → <c>&lt;root&gt;/dist</c>,
/// <c>/host/…</c> → <c>&lt;root&gt;/host</c>. Paths are confined to those folders.
/// </summary>
public sealed class StaticFiles
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8", [".htm"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8", [".mjs"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8", [".json"] = "application/json", [".map"] = "application/json",
        [".png"] = "image/png", [".jpg"] = "image/jpeg", [".gif"] = "image/gif", [".svg"] = "image/svg+xml",
        [".ico"] = "image/x-icon", [".xml"] = "text/xml; charset=utf-8", [".txt"] = "text/plain; charset=utf-8",
    };

    private readonly (string Prefix, string Folder)[] _mounts;

    public StaticFiles(string webResourcesRoot)
    {
        var root = Path.GetFullPath(webResourcesRoot);
        _mounts = new[] { ("/WebResources/", Path.Combine(root, "dist")), ("/host/", Path.Combine(root, "host")) };
    }

    public bool Handles(string path) => _mounts.Any(m => path.StartsWith(m.Prefix, StringComparison.Ordinal));

    public async Task ServeAsync(HttpContext context, string path)
    {
        var (prefix, folder) = _mounts.First(m => path.StartsWith(m.Prefix, StringComparison.Ordinal));
        var full = Path.GetFullPath(Path.Combine(folder, path[prefix.Length..]));
        if (!full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("not found");
            return;
        }
        context.Response.ContentType = Types.GetValueOrDefault(Path.GetExtension(full), "application/octet-stream");
        context.Response.Headers.CacheControl = "no-store"; // the panel is rebuilt while the server runs
        await context.Response.SendFileAsync(full, context.RequestAborted);
    }
}
