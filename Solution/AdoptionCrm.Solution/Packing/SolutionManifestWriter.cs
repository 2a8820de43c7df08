using System.Xml.Linq;

namespace AdoptionCrm.Solution.Packing;

/// <summary>solution.xml: the source manifest with Managed 0/1, the pack's version and computed root components.</summary>
internal static class SolutionManifestWriter
{
    public static XElement Build(PackModel model, bool managed)
    {
        var source = model.Input.Source;
        var root = XmlOutput.Child(XmlOutput.Load(source, SolutionSource.SolutionManifestPath));
        root.Add(new XAttribute(XNamespace.Xmlns + "xsi", XmlOutput.Xsi));
        var manifest = root.Element("SolutionManifest")!;
        manifest.Element("Version")!.Value = model.Input.Version;
        manifest.Element("Managed")!.Value = managed ? "1" : "0";
        var roots = manifest.Element("RootComponents") ?? throw new SolutionSourceException(SolutionSource.SolutionManifestPath, "<SolutionManifest>: missing <RootComponents />");
        roots.ReplaceWith(new XElement("RootComponents", RootComponents(model)
            .OrderBy(r => r.Type)
            .ThenBy(r => r.Key, StringComparer.OrdinalIgnoreCase)
            .Select(r => r.Element)));
        return root;
    }

    private sealed record Root(int Type, string Key, XElement Element);

    private static Root Named(int type, string name, int behavior) =>
        new(type, name, new XElement("RootComponent", new XAttribute("type", type), new XAttribute("schemaName", name), new XAttribute("behavior", behavior)));

    private static Root ById(int type, Guid id, int behavior) =>
        new(type, id.ToString("D"), new XElement("RootComponent", new XAttribute("type", type), new XAttribute("id", "{" + id.ToString("D") + "}"), new XAttribute("behavior", behavior)));

    private static IEnumerable<Root> RootComponents(PackModel model)
    {
        var source = model.Input.Source;
        foreach (var entity in model.Entities)
        {
            // Our tables go in whole; standard tables as a shell carrying only what we add (behavior 2).
            yield return Named(1, entity.Table.LogicalName, entity.Table.IsCustom ? 0 : 2);
            if (!entity.Table.IsCustom)
                foreach (var path in source.Files.Under(entity.Folder + "FormXml/", ".xml"))
                    foreach (var form in XmlOutput.Load(source, path).Elements("systemform"))
                        yield return ById(60, Guid.Parse(form.Element("formid")!.Value), 0);
        }
        foreach (var set in source.OptionSets) yield return Named(9, set.Name, 0);
        foreach (var path in source.Files.Under(SolutionSource.RolesFolder, ".xml"))
            yield return ById(20, Guid.Parse((string)XmlOutput.Load(source, path).Attribute("id")!), 0);
        foreach (var w in model.WebResources) yield return Named(61, w.File.Name, 0);
        yield return new Root(91, model.Assembly.FullName, new XElement("RootComponent",
            new XAttribute("type", 91), new XAttribute("id", "{" + model.AssemblyId.ToString("D") + "}"),
            new XAttribute("schemaName", model.Assembly.FullName), new XAttribute("behavior", 0)));
        foreach (var step in model.Steps) yield return ById(92, model.StepId(step), 0);
    }
}
