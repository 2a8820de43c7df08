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
    // it (a logical name, a page number, two braced Guids) never need escaping. The shape is the one XElement writes,
    // in one string.
    public override string ToString()
    {
        var page = Page.ToString(CultureInfo.InvariantCulture);
        var length = Head.Length + page.Length + Open.Length + PrimaryKey.Length + LastAttribute.Length + BracedGuid
            + FirstAttribute.Length + BracedGuid + Tail.Length;
        return string.Create(length, (Cookie: this, Page: page), static (span, state) =>
        {
            var at = 0;
            Put(span, ref at, Head); Put(span, ref at, state.Page); Put(span, ref at, Open); Put(span, ref at, state.Cookie.PrimaryKey);
            Put(span, ref at, LastAttribute); PutGuid(span, ref at, state.Cookie.Last);
            Put(span, ref at, FirstAttribute); PutGuid(span, ref at, state.Cookie.First);
            Put(span, ref at, Tail);
        });
    }

    private const string Head = "<cookie page=\"", Open = "\"><", LastAttribute = " last=\"", FirstAttribute = "\" first=\"", Tail = "\" /></cookie>";
    private const int BracedGuid = 38;

    private static void Put(Span<char> span, ref int at, string part)
    {
        part.AsSpan().CopyTo(span[at..]);
        at += part.Length;
    }

    // "{XXXXXXXX-…}" upper-cased in place: a braced Guid is hex digits, '-' and braces.
    private static void PutGuid(Span<char> span, ref int at, Guid id)
    {
        id.TryFormat(span[at..], out var written, "B");
        foreach (ref var c in span.Slice(at, written)) if (c is >= 'a' and <= 'f') c = (char)(c - 'a' + 'A');
        at += written;
    }

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
