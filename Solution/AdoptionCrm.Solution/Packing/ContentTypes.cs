using System.Text;

namespace AdoptionCrm.Solution.Packing;

/// <summary>[Content_Types].xml as platform exports write it: BOM, declaration, one line (§2.3).</summary>
internal static class ContentTypes
{
    public static byte[] Build(IEnumerable<string> entryNames)
    {
        var names = entryNames.ToList();
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
        var extensions = names.Select(n => Path.GetExtension(n.Split('/')[^1])).Where(e => e.Length > 1).Select(e => e[1..].ToLowerInvariant())
            .Append("xml").Distinct().OrderBy(e => e == "xml" ? "" : e, StringComparer.Ordinal);
        foreach (var ext in extensions)
            sb.Append($"<Default Extension=\"{ext}\" ContentType=\"application/octet-stream\" />");
        foreach (var name in names.Where(n => !Path.HasExtension(n.Split('/')[^1])))
            sb.Append($"<Override PartName=\"/{name}\" ContentType=\"application/octet-stream\" />");
        sb.Append("</Types>");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }
}
