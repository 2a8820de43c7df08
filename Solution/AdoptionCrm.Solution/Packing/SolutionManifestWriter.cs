using System.Xml.Linq;
using AdoptionCrm.Solution.Platform;

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
        var missing = manifest.Element("MissingDependencies") ?? throw new SolutionSourceException(SolutionSource.SolutionManifestPath, "<SolutionManifest>: missing <MissingDependencies />");
        missing.ReplaceWith(new XElement("MissingDependencies", MissingDependencies(model)));
        return root;
    }

    /// <summary>
    /// What we build on but do not ship, in the shape real exports write (tc-ca/ROMTS-GSRST.PowerApps
    /// Other/Solution.xml: Required type/schemaName/displayName/solution, then the Dependent): app-owned
    /// tables we add columns to (lead, from Dynamics 365 Sales) and the standard forms we diff. The
    /// solution is named without a version: we need any version, and we do not know the installed one.
    /// </summary>
    private static IEnumerable<XElement> MissingDependencies(PackModel model)
    {
        var source = model.Input.Source;
        // The platform's default app icon, as devkeydet/explicitpluginimpersonation and PassengerProtectProgram list it.
        foreach (var path in source.Files.Under(SolutionSource.AppModulesFolder, "/AppModule.xml"))
        {
            var app = XmlOutput.Load(source, path);
            if (Guid.TryParse(app.Element("WebResourceId")?.Value, out var icon) && icon == AppModuleIcons.DefaultIconId)
                yield return new XElement("MissingDependency",
                    new XElement("Required", new XAttribute("type", 61), new XAttribute("schemaName", AppModuleIcons.DefaultIconName),
                        new XAttribute("displayName", AppModuleIcons.DefaultIconName), new XAttribute("solution", AppModuleIcons.Solution)),
                    new XElement("Dependent", new XAttribute("type", 80), new XAttribute("schemaName", app.Element("UniqueName")!.Value.Trim()),
                        new XAttribute("displayName", app.Element("LocalizedNames")?.Element("LocalizedName")?.Attribute("description")?.Value ?? "")));
        }
        foreach (var entity in model.Entities.Where(e => !e.Table.IsCustom))
        {
            if (AppOwnedTables.Find(entity.Table.LogicalName) is { } owned)
                yield return new XElement("MissingDependency",
                    new XElement("Required", new XAttribute("type", 1), new XAttribute("schemaName", owned.LogicalName),
                        new XAttribute("displayName", owned.DisplayName), new XAttribute("solution", owned.OwningSolution)),
                    new XElement("Dependent", new XAttribute("type", 1), new XAttribute("schemaName", owned.LogicalName), new XAttribute("displayName", owned.DisplayName)));
            foreach (var path in source.Files.Under(entity.Folder + "FormXml/", ".xml"))
                foreach (var form in XmlOutput.Load(source, path).Elements("systemform"))
                    if (KnownForms.Find(Guid.Parse(form.Element("formid")!.Value)) is { } known)
                        yield return new XElement("MissingDependency",
                            new XElement("Required", new XAttribute("type", 60), new XAttribute("displayName", known.DisplayName),
                                new XAttribute("parentSchemaName", known.Table), new XAttribute("parentDisplayName", entity.Table.DisplayName),
                                new XAttribute("id", "{" + known.Id.ToString("D") + "}"), new XAttribute("solution", known.OwningSolution)),
                            new XElement("Dependent", new XAttribute("type", 1), new XAttribute("schemaName", entity.Table.LogicalName), new XAttribute("displayName", entity.Table.DisplayName)));
        }
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
            if (entity.Table.IsCustom) continue;
            // A shell table brings only what we add, each listed on its own: form diffs (60), and the
            // views (26) and charts (59) we add to it.
            foreach (var path in source.Files.Under(entity.Folder + "FormXml/", ".xml"))
                foreach (var form in XmlOutput.Load(source, path).Elements("systemform"))
                    yield return ById(60, Guid.Parse(form.Element("formid")!.Value), 0);
            foreach (var path in source.Files.Under(entity.Folder + "SavedQueries/", ".xml"))
                foreach (var view in XmlOutput.Load(source, path).Elements("savedquery"))
                    yield return ById(26, Guid.Parse(view.Element("savedqueryid")!.Value), 0);
            foreach (var path in source.Files.Under(entity.Folder + "Visualizations/", ".xml"))
                yield return ById(59, Guid.Parse(XmlOutput.Load(source, path).Element("savedqueryvisualizationid")!.Value), 0);
        }
        foreach (var path in source.Files.Under(SolutionSource.DashboardsFolder, ".xml"))
            yield return ById(60, Guid.Parse(XmlOutput.Load(source, path).Element("FormId")!.Value), 0);
        foreach (var path in source.Files.Under(SolutionSource.AppModuleSiteMapsFolder, "/AppModuleSiteMap.xml"))
            yield return Named(62, XmlOutput.Load(source, path).Element("SiteMapUniqueName")!.Value.Trim(), 0);
        foreach (var path in source.Files.Under(SolutionSource.AppModulesFolder, "/AppModule.xml"))
            yield return Named(80, XmlOutput.Load(source, path).Element("UniqueName")!.Value.Trim(), 0);
        foreach (var set in source.OptionSets) yield return Named(9, set.Name, 0);
        foreach (var path in source.Files.Under(SolutionSource.RolesFolder, ".xml"))
            yield return ById(20, Guid.Parse((string)XmlOutput.Load(source, path).Attribute("id")!), 0);
        foreach (var w in model.WebResources) yield return Named(61, w.File.Name, 0);
        yield return new Root(91, model.Assembly.FullName, new XElement("RootComponent",
            new XAttribute("type", 91), new XAttribute("id", "{" + model.AssemblyId.ToString("D") + "}"),
            new XAttribute("schemaName", model.Assembly.FullName), new XAttribute("behavior", 0)));
        foreach (var step in model.Steps) yield return ById(92, model.StepId(step), 0);
        // Cloud flows are workflows (29) by id (tc-ca/ROMTS-GSRST.PowerApps PassengerProtectProgram Other/Solution.xml);
        // connection references are not root components there, they come with customizations.xml.
        foreach (var flow in model.Flows) yield return ById(29, flow.Id, 0);
    }
}
