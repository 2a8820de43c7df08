using System.Text;
using System.Text.RegularExpressions;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// Content-ID references inside a change set (PAD:webapi/execute-batch-operations-using-web-api,
/// "Reference URIs in an operation"): <c>$n</c> stands for the row created by the request with Content-ID n,
/// taken from its OData-EntityId.
/// </summary>
internal static partial class ContentIdReferences
{
    [GeneratedRegex(@"""\$(\d+)""")]
    private static partial Regex BindValue();

    public static void Remember(BatchResponse answer, Dictionary<string, string> created)
    {
        if (answer.ContentId is null) return;
        var entityId = answer.Headers.FirstOrDefault(h => string.Equals(h.Key, "OData-EntityId", StringComparison.OrdinalIgnoreCase)).Value;
        if (!string.IsNullOrEmpty(entityId)) created[answer.ContentId] = entityId;
    }

    public static BatchOperation Resolve(BatchOperation op, IReadOnlyDictionary<string, string> created)
    {
        if (created.Count == 0) return op;
        var url = op.Url;
        var path = Uri.UnescapeDataString(url.AbsolutePath);
        var api = path.IndexOf(EntitySetHandler.ApiPath, StringComparison.Ordinal);
        var resource = api >= 0 ? path[(api + EntitySetHandler.ApiPath.Length)..] : path.TrimStart('/');
        if (resource.StartsWith('$'))
        {
            var end = resource.IndexOf('/');
            var id = end < 0 ? resource[1..] : resource[1..end];
            if (created.TryGetValue(id, out var target))
                url = new Uri(target + (end < 0 ? "" : resource[end..]) + url.Query);
        }
        var body = op.Body;
        if (body.Length > 0)
        {
            var text = Encoding.UTF8.GetString(body);
            var replaced = BindValue().Replace(text, m => created.TryGetValue(m.Groups[1].Value, out var target) ? $"\"{target}\"" : m.Value);
            if (!ReferenceEquals(replaced, text) && replaced != text) body = Encoding.UTF8.GetBytes(replaced);
        }
        return op with { Url = url, Body = body };
    }
}
