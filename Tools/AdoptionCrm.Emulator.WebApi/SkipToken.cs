using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// The $skiptoken of an @odata.nextLink, in Dataverse's own shape:
/// <c>&lt;cookie pagenumber="2" pagingcookie="&lt;url-encoded paging cookie&gt;" istracking="False" /&gt;</c>.
/// It carries the query engine's paging cookie, so the next page resumes after the last row served
/// even if rows were added before it in the meantime.
/// </summary>
public sealed record SkipToken(int PageNumber, string? PagingCookie)
{
    public override string ToString()
    {
        var cookie = new XElement("cookie", new XAttribute("pagenumber", PageNumber.ToString(CultureInfo.InvariantCulture)));
        if (PagingCookie is not null) cookie.Add(new XAttribute("pagingcookie", Uri.EscapeDataString(PagingCookie)));
        cookie.Add(new XAttribute("istracking", "False"));
        return cookie.ToString(SaveOptions.DisableFormatting);
    }

    public static SkipToken Parse(string text)
    {
        try
        {
            var cookie = XElement.Parse(text);
            if (cookie.Name.LocalName == "cookie"
                && int.TryParse((string?)cookie.Attribute("pagenumber"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var page) && page >= 1)
            {
                var paging = (string?)cookie.Attribute("pagingcookie");
                return new SkipToken(page, paging is null ? null : Uri.UnescapeDataString(paging));
            }
        }
        catch (XmlException)
        {
        }
        throw WebApiException.BadRequest($"The $skiptoken '{text}' is not one this server issued (use the @odata.nextLink as given).");
    }
}
