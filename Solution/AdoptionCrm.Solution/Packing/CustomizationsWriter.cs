using System.Xml.Linq;
using AdoptionCrm.Solution.Registration;

namespace AdoptionCrm.Solution.Packing;

/// <summary>
/// Builds customizations.xml: the source's Other/Customizations.xml placeholders filled with the sharded
/// component files, plus the plugin assembly, its steps and the web resources, in the XSD's order.
/// </summary>
internal static class CustomizationsWriter
{
    // CustomizationsSolution.xsd ImportExportXml sequence, as far as we use it (solution-format.md §4.1);
    // connectionreferences after EntityDataProviders, where real exports put it (Contoso_sample, PassengerProtectProgram).
    private static readonly string[] Order =
    [
        "Entities", "Roles", "Workflows", "FieldSecurityProfiles", "Templates", "EntityMaps", "EntityRelationships",
        "OrganizationSettings", "optionsets", "Dashboards", "WebResources", "CustomControls", "SolutionPluginAssemblies",
        "SdkMessageProcessingSteps", "AppModuleSiteMaps", "AppModules", "EntityDataProviders", "connectionreferences", "Languages",
    ];

    // Exports always write these, even empty; the others only when used.
    private static readonly HashSet<string> AlwaysPresent =
        ["Entities", "Roles", "Workflows", "FieldSecurityProfiles", "Templates", "EntityMaps", "EntityRelationships", "OrganizationSettings", "optionsets", "CustomControls", "EntityDataProviders", "Languages"];

    public static XElement Build(PackModel model, bool managed)
    {
        var source = model.Input.Source;
        var template = XmlOutput.Load(source, SolutionSource.CustomizationsPath);
        var unknown = template.Elements().Select(e => e.Name.LocalName).Where(n => !Order.Contains(n)).ToList();
        if (unknown.Count > 0)
            throw new SolutionSourceException(SolutionSource.CustomizationsPath, $"unsupported top-level element(s): {string.Join(", ", unknown)}");

        var parts = new Dictionary<string, XElement>
        {
            ["Entities"] = new("Entities", model.Entities.Select(e => Entity(source, e, managed))),
            ["Roles"] = new("Roles", source.Files.Under(SolutionSource.RolesFolder, ".xml").Select(p => XmlOutput.Child(XmlOutput.Load(source, p)))),
            ["EntityRelationships"] = new("EntityRelationships", source.Files.Under("Other/Relationships/", ".xml")
                .SelectMany(p => XmlOutput.Load(source, p).Elements("EntityRelationship"))
                .OrderBy(r => (string?)r.Attribute("Name"), StringComparer.Ordinal)
                .Select(XmlOutput.Child)),
            ["optionsets"] = new("optionsets", source.Files.Under(SolutionSource.OptionSetsFolder, ".xml").Select(p => XmlOutput.Child(XmlOutput.Load(source, p)))),
            ["Dashboards"] = new("Dashboards", source.Files.Under(SolutionSource.DashboardsFolder, ".xml").Select(p => XmlOutput.Child(XmlOutput.Load(source, p)))),
            ["AppModuleSiteMaps"] = new("AppModuleSiteMaps", source.Files.Under(SolutionSource.AppModuleSiteMapsFolder, "/AppModuleSiteMap.xml").Select(p => XmlOutput.Child(XmlOutput.Load(source, p)))),
            ["AppModules"] = new("AppModules", source.Files.Under(SolutionSource.AppModulesFolder, "/AppModule.xml").Select(p => XmlOutput.Child(XmlOutput.Load(source, p)))),
            ["WebResources"] = new("WebResources", model.WebResources.Select(WebResource)),
            ["SolutionPluginAssemblies"] = new("SolutionPluginAssemblies", PluginAssembly(model)),
            ["SdkMessageProcessingSteps"] = new("SdkMessageProcessingSteps", model.Steps.Select(s => Step(model, s))),
            // Cloud flows: each .json.data.xml holds the flow's <Workflow> row (pac solution unpack's layout); the JSON travels as a file.
            ["Workflows"] = new("Workflows", model.Flows.Select(f => XmlOutput.Child(f.Workflow))),
        };

        var root = new XElement("ImportExportXml", new XAttribute(XNamespace.Xmlns + "xsi", XmlOutput.Xsi));
        foreach (var name in Order)
        {
            var element = parts.TryGetValue(name, out var built) ? built : template.Element(name) is { } t ? XmlOutput.Child(t) : new XElement(name);
            if (element.HasElements || AlwaysPresent.Contains(name)) root.Add(element);
        }
        return root;
    }

    private static XElement Entity(SolutionSource source, PackEntity entity, bool managed)
    {
        var element = XmlOutput.Child(XmlOutput.Load(source, entity.EntityXmlPath));
        // A shell table (behavior 2) carries only its attributes: its names and descriptions would overlay
        // the app's own labels (tc-ca/ROMTS-GSRST.PowerApps IncidentResolution/Entity.xml).
        if (!entity.Table.IsCustom)
            element.Element("EntityInfo")?.Element("entity")?.Elements().Where(e => e.Name.LocalName is "LocalizedNames" or "LocalizedCollectionNames" or "Descriptions").Remove();
        var forms = source.Files.Under(entity.Folder + "FormXml/", ".xml")
            .GroupBy(p => p[(entity.Folder.Length + "FormXml/".Length)..].Split('/')[0], StringComparer.Ordinal)
            .Select(g => new XElement("forms", new XAttribute("type", g.Key),
                g.SelectMany(p => XmlOutput.Load(source, p).Elements("systemform")).Select(f => Form(XmlOutput.Child(f), managed))))
            .ToList();
        var queries = source.Files.Under(entity.Folder + "SavedQueries/", ".xml")
            .SelectMany(p => XmlOutput.Load(source, p).Elements("savedquery")).Select(XmlOutput.Child).ToList();
        var charts = source.Files.Under(entity.Folder + "Visualizations/", ".xml").Select(p => XmlOutput.Child(XmlOutput.Load(source, p))).ToList();
        Replace(element, "FormXml", forms.Count > 0 ? new XElement("FormXml", forms) : null);
        Replace(element, "SavedQueries", queries.Count > 0 ? new XElement("SavedQueries", new XElement("savedqueries", queries)) : null);
        // Charts follow the views (CustomizationsSolution.xsd EntityType: …, SavedQueries, Visualizations, RibbonDiffXml).
        if (charts.Count > 0)
        {
            var visualizations = new XElement("Visualizations", charts);
            if (element.Element("SavedQueries") is { } views) views.AddAfterSelf(visualizations);
            else if (element.Element("FormXml") is { } formXml) formXml.AddAfterSelf(visualizations);
            else element.Element("EntityInfo")!.AddAfterSelf(visualizations);
        }
        return element;
    }

    private static void Replace(XElement entity, string name, XElement? content)
    {
        var placeholder = entity.Element(name);
        if (content is null)
        {
            // An empty placeholder is not valid content (e.g. SavedQueries needs savedqueries).
            placeholder?.Remove();
            return;
        }
        if (placeholder is null) entity.Add(content);
        else placeholder.ReplaceWith(content);
    }

    /// <summary>
    /// Managed exports blank the labels of field-bound cells (solution-format.md §7); the column's own
    /// display name then shows, as it does in a managed import.
    /// </summary>
    private static XElement Form(XElement systemform, bool managed)
    {
        if (!managed) return systemform;
        foreach (var cell in systemform.Descendants("cell").Where(c => c.Elements("control").Any(k => k.Attribute("datafieldname") is not null)))
            foreach (var label in cell.Element("labels")?.Elements("label") ?? [])
                label.SetAttributeValue("description", "");
        return systemform;
    }

    private static XElement WebResource(PackWebResource w) => new("WebResource",
        new XElement("WebResourceId", "{" + w.File.Id.ToString("D") + "}"),
        new XElement("Name", w.File.Name),
        new XElement("DisplayName", w.File.Name),
        new XElement("WebResourceType", w.File.Type),
        new XElement("IntroducedVersion", "1.0.0.0"),
        new XElement("IsEnabledForMobileClient", 0),
        new XElement("IsAvailableForMobileOffline", 0),
        new XElement("IsCustomizable", 1),
        new XElement("CanBeDeleted", 1),
        new XElement("IsHidden", 0),
        new XElement("FileName", "/" + w.EntryName));

    private static XElement PluginAssembly(PackModel model)
    {
        var identity = model.Assembly;
        return new XElement("PluginAssembly",
            new XAttribute("FullName", identity.FullName),
            new XAttribute("PluginAssemblyId", model.AssemblyId.ToString("D")),
            new XAttribute("CustomizationLevel", 1),
            new XElement("IsolationMode", 2),
            new XElement("SourceType", 0),
            new XElement("IntroducedVersion", "1.0"),
            new XElement("FileName", "/" + model.AssemblyEntryName),
            new XElement("PluginTypes", model.PluginTypes.Select(t => new XElement("PluginType",
                new XAttribute("AssemblyQualifiedName", t.FullName + ", " + identity.FullName),
                new XAttribute("PluginTypeId", model.PluginTypeId(t.FullName).ToString("D")),
                new XAttribute("Name", t.FullName),
                new XElement("FriendlyName", t.FullName)))));
    }

    // Child order as 9.2 exports write it: SdkMessageId first (tc-ca/ROMTS-GSRST.PowerApps
    // romts_gsrst/SdkMessageProcessingSteps/*.xml; PassengerProtectProgram_1_0_0_30_managed.zip). The 9.0 XSD
    // puts it after Rank, so this order draws one XSD message ("invalid child element 'PluginTypeName'"),
    // the same one those real exports draw (SchemaAllowList).
    private static XElement Step(PackModel model, StepRegistration step)
    {
        var images = step.Images.Select(i => new XElement("SdkMessageProcessingStepImage",
            new XAttribute("Name", i.Alias),
            new XElement("SdkMessageProcessingStepImageId", "{" + model.ImageId(step, i).ToString("D") + "}"),
            new XElement("Attributes", i.AttributesText),
            new XElement("EntityAlias", i.Alias),
            new XElement("ImageType", (int)i.ImageType),
            new XElement("MessagePropertyName", MessageImageProperty.For(step.Message)),
            new XElement("IsCustomizable", 1)));
        return new XElement("SdkMessageProcessingStep",
            new XAttribute("Name", model.StepName(step)),
            new XAttribute("SdkMessageProcessingStepId", "{" + model.StepId(step).ToString("D") + "}"),
            new XElement("SdkMessageId", SdkMessageIds.Known[step.Message].ToString("D")),
            new XElement("PluginTypeName", step.PluginTypeFullName + ", " + model.Assembly.FullName),
            new XElement("PluginTypeId", model.PluginTypeId(step.PluginTypeFullName).ToString("D")),
            step.PrimaryEntity is null ? null : new XElement("PrimaryEntity", step.PrimaryEntity),
            new XElement("AsyncAutoDelete", step.IsAsync ? 1 : 0),
            new XElement("Description", step.Description ?? model.StepName(step)),
            new XElement("FilteringAttributes", step.FilteringAttributesText),
            new XElement("InvocationSource", 0),
            new XElement("Mode", (int)step.Mode),
            new XElement("Rank", step.Rank),
            new XElement("EventHandlerTypeCode", 4602),
            new XElement("Stage", (int)step.Stage),
            new XElement("IsCustomizable", 1),
            new XElement("IsHidden", 0),
            new XElement("SupportedDeployment", 0),
            new XElement("IntroducedVersion", "1.0"),
            new XElement("SdkMessageProcessingStepImages", images));
    }
}
