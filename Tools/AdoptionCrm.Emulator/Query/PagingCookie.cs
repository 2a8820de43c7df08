using System.Globalization;
using System.Xml.Linq;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// Dataverse's paging cookie: &lt;cookie page="1"&gt;&lt;accountid last="{…}" first="{…}" /&gt;&lt;/cookie&gt;.
/// It names the page it came from and the primary keys of that page's first and last rows.
/// </summary>
public sealed record PagingCookie(int Page, string PrimaryKey, Guid First, Guid Last)
{
    public override string ToString() =>
        new XElement("cookie", new XAttribute("page", Page.ToString(CultureInfo.InvariantCulture)),
            new XElement(PrimaryKey,
                new XAttribute("last", Last.ToString("B").ToUpperInvariant()),
                new XAttribute("first", First.ToString("B").ToUpperInvariant())))
            .ToString(SaveOptions.DisableFormatting);

    /// <summary>The cookie, or null when it is absent or not one this engine can read (then paging falls back to page numbers).</summary>
    public static PagingCookie? TryParse(string? text, string primaryKey)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            var cookie = XElement.Parse(text);
            var key = cookie.Element(primaryKey);
            if (cookie.Name.LocalName != "cookie" || key is null) return null;
            if (!int.TryParse((string?)cookie.Attribute("page"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var page)) return null;
            if (!Guid.TryParse((string?)key.Attribute("last"), out var last)) return null;
            Guid.TryParse((string?)key.Attribute("first"), out var first);
            return new PagingCookie(page, primaryKey, first, last);
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }
}
