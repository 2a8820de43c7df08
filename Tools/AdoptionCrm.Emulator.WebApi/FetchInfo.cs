using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>What the Web API layer needs to know of a fetchXml parameter before the query engine runs it: its table and page.</summary>
public sealed record FetchInfo(string EntityName, int Page, bool ReturnTotalRecordCount)
{
    public static FetchInfo Read(string xml)
    {
        XElement fetch;
        try { fetch = XElement.Parse(xml); }
        catch (XmlException e) { throw WebApiException.BadRequest($"The fetchXml parameter is not well-formed XML: {e.Message}"); }
        var entity = fetch.Element("entity");
        if (fetch.Name.LocalName != "fetch" || (string?)entity?.Attribute("name") is not { Length: > 0 } name)
            throw WebApiException.BadRequest("The fetchXml parameter must be a <fetch> with an <entity name=\"…\">.");
        var page = int.TryParse((string?)fetch.Attribute("page"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var total = string.Equals((string?)fetch.Attribute("returntotalrecordcount"), "true", StringComparison.OrdinalIgnoreCase);
        return new FetchInfo(name, page, total);
    }
}
