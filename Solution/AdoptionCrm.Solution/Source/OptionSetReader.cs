using System.Xml.Linq;
using AdoptionCrm.Solution.Model;

namespace AdoptionCrm.Solution.Source;

/// <summary>Reads an &lt;optionset&gt; element (OptionSets/&lt;name&gt;.xml, or local inside an attribute).</summary>
internal static class OptionSetReader
{
    public static OptionSetDefinition Read(string path, XElement optionSet)
    {
        var name = SourceXml.RequiredAttribute(path, optionSet, "Name");
        var display = SourceXml.Label(optionSet.Element("displaynames")) ?? (string?)optionSet.Attribute("localizedName") ?? name;
        return new OptionSetDefinition(name, display, ReadOptions(path, optionSet));
    }

    public static IReadOnlyList<OptionDefinition> ReadOptions(string path, XElement optionSet)
    {
        var options = new List<OptionDefinition>();
        // Choices list <options><option>; state and status columns <states><state> and <statuses><status state=…>.
        var container = optionSet.Element("options") ?? optionSet.Element("states") ?? optionSet.Element("statuses");
        if (container is null) return options;
        foreach (var option in container.Elements().Where(e => e.Name.LocalName is "option" or "state" or "status"))
        {
            var valueText = SourceXml.RequiredAttribute(path, option, "value");
            if (!int.TryParse(valueText, out var value))
                throw SourceXml.Error(path, option, $"option value '{valueText}' is not an integer");
            if (options.Any(o => o.Value == value))
                throw SourceXml.Error(path, option, $"option value {value} appears twice");
            var label = SourceXml.Label(option.Element("labels"), "label")
                ?? throw SourceXml.Error(path, option, "option has no <labels><label description=...>");
            int? state = option.Attribute("state") is { } s && int.TryParse(s.Value, out var st) ? st : null;
            options.Add(new OptionDefinition(value, label, state));
        }
        return options;
    }
}
