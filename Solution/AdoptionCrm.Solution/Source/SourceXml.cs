using System.Xml;
using System.Xml.Linq;

namespace AdoptionCrm.Solution.Source;

/// <summary>
/// Loads source XML with line numbers and turns every problem into a SolutionSourceException that
/// names the file, the element and the line.
/// </summary>
internal static class SourceXml
{
    public static XDocument Load(SourceFiles files, string path)
    {
        var bytes = files.Read(path);
        try
        {
            using var stream = new MemoryStream(bytes);
            return XDocument.Load(stream, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            throw new SolutionSourceException(path, $"not well-formed XML: {e.Message}", e.LineNumber, e);
        }
    }

    public static int? Line(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    public static SolutionSourceException Error(string path, XObject node, string message) =>
        new(path, $"<{Describe(node)}>: {message}", Line(node));

    private static string Describe(XObject node) => node switch
    {
        XElement e => e.Name.LocalName,
        XAttribute a => $"{a.Parent?.Name.LocalName} {a.Name.LocalName}=",
        _ => node.NodeType.ToString(),
    };

    /// <summary>A required child element's trimmed text.</summary>
    public static string Required(string path, XElement parent, string child)
    {
        var element = parent.Element(child) ?? throw Error(path, parent, $"missing required child <{child}>");
        var value = element.Value.Trim();
        if (value.Length == 0) throw Error(path, element, "must not be empty");
        return value;
    }

    public static string? Optional(XElement parent, string child)
    {
        var value = parent.Element(child)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public static string RequiredAttribute(string path, XElement element, string attribute)
    {
        var value = element.Attribute(attribute)?.Value.Trim();
        if (string.IsNullOrEmpty(value)) throw Error(path, element, $"missing required attribute {attribute}");
        return value;
    }

    public static int Int(string path, XElement element)
    {
        if (!int.TryParse(element.Value.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
            throw Error(path, element, $"'{element.Value.Trim()}' is not an integer");
        return value;
    }

    public static decimal Decimal(string path, XElement element)
    {
        if (!decimal.TryParse(element.Value.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
            throw Error(path, element, $"'{element.Value.Trim()}' is not a number");
        return value;
    }

    /// <summary>The 1033 label among displaynames/LocalizedNames-style children, else the first.</summary>
    public static string? Label(XElement? container, string labelElement = "displayname")
    {
        if (container is null) return null;
        var labels = container.Elements(labelElement).ToList();
        var chosen = labels.FirstOrDefault(l => (string?)l.Attribute("languagecode") == "1033") ?? labels.FirstOrDefault();
        return (string?)chosen?.Attribute("description");
    }
}
