using System.Globalization;
using System.Xml.Linq;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// Dataverse's paging cookie: &lt;cookie page="1"&gt;&lt;accountid last="{…}" first="{…}" /&gt;&lt;/cookie&gt;.
/// It names the page it came from and the primary keys of that page's first and last rows.
/// </summary>
public sealed record PagingCookie(int Page, string PrimaryKey, Guid First, Guid Last)
{
    // Written as text, not through XElement: it is made for every page of every query, and the names and values in
    // it (a logical name, a page number, two braced Guids) never need escaping. The shape is the one XElement writes.
    public override string ToString() =>
        "<cookie page=\"" + Page.ToString(CultureInfo.InvariantCulture) + "\"><" + PrimaryKey
        + " last=\"" + Last.ToString("B").ToUpperInvariant() + "\" first=\"" + First.ToString("B").ToUpperInvariant() + "\" /></cookie>";

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
