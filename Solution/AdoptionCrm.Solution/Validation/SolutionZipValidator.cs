using AdoptionCrm.Solution.Source;
using System.IO.Compression;
using System.Xml.Linq;
using AdoptionCrm.Solution.Packing;
using AdoptionCrm.Solution.Registration;

namespace AdoptionCrm.Solution.Validation;

/// <summary>
/// Checks a solution zip against the packer checklist (solution-format.md §8): root entries, content
/// types, XSD validity of customizations.xml (allow-list only), solution.xml shape, and every reference
/// between the XML and the entries. Returns every problem rather than stopping at the first.
/// </summary>
public static class SolutionZipValidator
{
    private static readonly string[] ManifestOrder = ["UniqueName", "LocalizedNames", "Descriptions", "Version", "Managed", "Publisher", "RootComponents", "MissingDependencies"];

    public static IReadOnlyList<ValidationProblem> Validate(byte[] zipBytes)
    {
        var problems = new List<ValidationProblem>();
        Dictionary<string, byte[]> entries;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
            entries = zip.Entries.ToDictionary(e => e.FullName, e => { using var s = e.Open(); using var m = new MemoryStream(); s.CopyTo(m); return m.ToArray(); }, StringComparer.Ordinal);
        }
        catch (InvalidDataException e)
        {
            return [new("(zip)", "not a readable zip: " + e.Message)];
        }

        foreach (var name in entries.Keys)
        {
            if (name.EndsWith('/')) problems.Add(new(name, "directory entries are not used in solution zips"));
            if (name.StartsWith('/') || name.Contains('\\')) problems.Add(new(name, "entry names use forward slashes and no leading '/'"));
        }
        foreach (var required in new[] { ZipNames.Solution, ZipNames.Customizations, ZipNames.ContentTypes })
            if (!entries.ContainsKey(required)) problems.Add(new(required, "missing at the root of the zip"));
        if (problems.Any(p => p.Message.StartsWith("missing at the root"))) return problems;

        var customizations = Parse(entries, ZipNames.Customizations, problems);
        var solution = Parse(entries, ZipNames.Solution, problems);
        var contentTypes = Parse(entries, ZipNames.ContentTypes, problems);
        if (customizations is null || solution is null || contentTypes is null) return problems;

        CheckSchema(entries[ZipNames.Customizations], problems);
        CheckContentTypes(contentTypes, entries.Keys, problems);
        var prefix = CheckManifest(solution, problems);
        CheckFileReferences(customizations, entries.Keys, problems);
        CheckComponents(customizations, solution, prefix, problems);
        NativeChecks.Run(customizations, solution, entries, prefix, problems);
        FlowChecks.Run(customizations, solution, entries, problems);
        CustomApiPrivilegeChecks.Run(customizations, entries, problems);
        AlternateKeyChecks.Run(customizations, problems);
        return problems;
    }

    private static XDocument? Parse(Dictionary<string, byte[]> entries, string name, List<ValidationProblem> problems)
    {
        try { return XDocument.Load(new MemoryStream(entries[name]), LoadOptions.SetLineInfo); }
        catch (System.Xml.XmlException e) { problems.Add(new($"{name}:{e.LineNumber}:{e.LinePosition}", "not well-formed: " + e.Message)); return null; }
    }

    private static string At(string entry, XObject node) =>
        node is System.Xml.IXmlLineInfo info && info.HasLineInfo() ? $"{entry}:{info.LineNumber}:{info.LinePosition}" : entry;

    private static void CheckSchema(byte[] customizations, List<ValidationProblem> problems)
    {
        foreach (var (line, column, message, isError) in CustomizationsSchema.Validate(customizations))
        {
            // Lax wildcard content produces warnings, not violations (validation-of-real-exports.txt).
            if (!isError || SchemaAllowList.Match(message) is not null) continue;
            problems.Add(new($"{ZipNames.Customizations}:{line}:{column}", "XSD: " + message));
        }
    }

    private static void CheckContentTypes(XDocument types, IEnumerable<string> entryNames, List<ValidationProblem> problems)
    {
        XNamespace ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        if (types.Root?.Name != ns + "Types") { problems.Add(new(ZipNames.ContentTypes, "root must be <Types> in the OPC content-types namespace")); return; }
        var defaults = types.Root.Elements(ns + "Default").Select(d => ((string?)d.Attribute("Extension") ?? "").ToLowerInvariant()).ToHashSet();
        var overrides = types.Root.Elements(ns + "Override").Select(o => (string?)o.Attribute("PartName") ?? "").ToHashSet(StringComparer.Ordinal);
        foreach (var name in entryNames.Where(n => n != ZipNames.ContentTypes))
        {
            var file = name.Split('/')[^1];
            var ext = Path.GetExtension(file);
            if (ext.Length > 1 && !defaults.Contains(ext[1..].ToLowerInvariant())) problems.Add(new(ZipNames.ContentTypes, $"no <Default Extension=\"{ext[1..]}\"> for {name}"));
            if (ext.Length == 0 && !overrides.Contains("/" + name)) problems.Add(new(ZipNames.ContentTypes, $"no <Override PartName=\"/{name}\"> for an entry without extension"));
        }
    }

    private static string? CheckManifest(XDocument solution, List<ValidationProblem> problems)
    {
        const string entry = ZipNames.Solution;
        var root = solution.Root!;
        foreach (var attribute in new[] { "version", "SolutionPackageVersion", "languagecode", "generatedBy" })
            if (root.Attribute(attribute) is null) problems.Add(new(At(entry, root), $"<ImportExportXml> lacks the {attribute} attribute"));
        var manifest = root.Element("SolutionManifest");
        if (manifest is null) { problems.Add(new(At(entry, root), "missing <SolutionManifest>")); return null; }
        var order = manifest.Elements().Select(e => e.Name.LocalName).Where(ManifestOrder.Contains).ToList();
        var missing = ManifestOrder.Except(order).ToList();
        if (missing.Count > 0) problems.Add(new(At(entry, manifest), "missing " + string.Join(", ", missing.Select(m => $"<{m}>"))));
        else if (!order.SequenceEqual(ManifestOrder)) problems.Add(new(At(entry, manifest), "children out of order; expected " + string.Join(", ", ManifestOrder)));
        if (manifest.Element("Managed") is { } managed && managed.Value is not ("0" or "1")) problems.Add(new(At(entry, managed), $"<Managed> must be 0 or 1 in a zip, found '{managed.Value}'"));
        if (manifest.Element("Version") is { } version && !SolutionSource.IsSolutionVersion(version.Value)) problems.Add(new(At(entry, version), $"<Version> '{version.Value}' must have 2 to 4 numeric parts"));
        var publisher = manifest.Element("Publisher");
        if (publisher is null) return null;
        var prefix = publisher.Element("CustomizationPrefix")?.Value;
        if (string.IsNullOrEmpty(prefix)) problems.Add(new(At(entry, publisher), "missing <CustomizationPrefix>"));
        if (!int.TryParse(publisher.Element("CustomizationOptionValuePrefix")?.Value, out var ovp) || ovp is < 10000 or > 99999)
            problems.Add(new(At(entry, publisher), "<CustomizationOptionValuePrefix> must be within 10000-99999"));
        if (publisher.Element("Addresses")?.Elements("Address").Count() != 2) problems.Add(new(At(entry, publisher), "<Addresses> must hold two <Address> elements"));
        return prefix;
    }

    private static void CheckFileReferences(XDocument customizations, IEnumerable<string> entryNames, List<ValidationProblem> problems)
    {
        var names = entryNames.ToHashSet(StringComparer.Ordinal);
        var referenced = new HashSet<string>(StringComparer.Ordinal) { ZipNames.Solution, ZipNames.Customizations, ZipNames.ContentTypes };
        foreach (var fileName in customizations.Descendants().Where(e => e.Name.LocalName is "FileName" or "XamlFileName" or "JsonFileName" or "FormulaDefinitionFileName"))
        {
            var path = fileName.Value.Trim();
            if (!path.StartsWith('/') || !names.Contains(path[1..])) problems.Add(new(At(ZipNames.Customizations, fileName), $"<{fileName.Name.LocalName}> {path} does not name an entry of the zip"));
            else referenced.Add(path[1..]);
        }
        // customapis/<uniquename>/… travel as files at the zip's root, referenced by their path, not from customizations.xml.
        foreach (var name in names.Where(n => !referenced.Contains(n) && !n.EndsWith('/') && !n.StartsWith(CustomApiReader.Folder, StringComparison.Ordinal)))
            problems.Add(new(name, "entry is not referenced from customizations.xml"));
    }

    private static void CheckComponents(XDocument customizations, XDocument solution, string? prefix, List<ValidationProblem> problems)
    {
        const string c = ZipNames.Customizations;
        var root = customizations.Root!;
        var entities = root.Element("Entities")?.Elements("Entity").Select(e => e.Element("Name")?.Value.Trim().ToLowerInvariant() ?? "").ToHashSet() ?? [];
        var optionSets = root.Element("optionsets")?.Elements("optionset").Select(o => (string?)o.Attribute("Name") ?? "").ToHashSet() ?? [];
        var roles = root.Element("Roles")?.Elements("Role").Select(r => NormalizeId((string?)r.Attribute("id"))).ToHashSet() ?? [];
        var webResources = root.Element("WebResources")?.Elements("WebResource").ToList() ?? [];
        var webResourceIds = webResources.ToDictionary(w => NormalizeId(w.Element("WebResourceId")?.Value), w => w.Element("Name")?.Value ?? "");
        var assemblies = root.Element("SolutionPluginAssemblies")?.Elements("PluginAssembly").ToList() ?? [];
        var pluginTypes = assemblies.SelectMany(a => a.Descendants("PluginType")).ToDictionary(t => NormalizeId((string?)t.Attribute("PluginTypeId")), t => t);
        var steps = root.Element("SdkMessageProcessingSteps")?.Elements("SdkMessageProcessingStep").ToList() ?? [];
        var forms = root.Descendants("systemform").Select(f => NormalizeId(f.Element("formid")?.Value))
            .Concat(root.Element("Dashboards")?.Elements("Dashboard").Select(d => NormalizeId(d.Element("FormId")?.Value)) ?? []).ToHashSet();
        var views = root.Descendants("savedquery").Select(v => NormalizeId(v.Element("savedqueryid")?.Value)).ToHashSet();
        var charts = root.Descendants("visualization").Select(v => NormalizeId(v.Element("savedqueryvisualizationid")?.Value)).ToHashSet();
        var siteMaps = root.Element("AppModuleSiteMaps")?.Elements("AppModuleSiteMap").Select(m => m.Element("SiteMapUniqueName")?.Value.Trim() ?? "").ToHashSet() ?? [];
        var apps = root.Element("AppModules")?.Elements("AppModule").Select(a => a.Element("UniqueName")?.Value.Trim() ?? "").ToHashSet() ?? [];

        foreach (var optionSet in optionSets.Where(o => prefix is not null && !o.StartsWith(prefix + "_")))
            problems.Add(new(c, $"option set {optionSet} lacks the publisher prefix {prefix}_"));
        foreach (var attribute in root.Descendants("attribute").Where(a => a.Element("OptionSetName") is { } n && !optionSets.Contains(n.Value.Trim()) && a.Element("optionset") is null))
            problems.Add(new(At(c, attribute), $"column {attribute.Element("LogicalName")?.Value} uses option set {attribute.Element("OptionSetName")!.Value} that the package does not define"));
        foreach (var w in webResources)
        {
            var name = w.Element("Name")?.Value ?? "";
            if (prefix is not null && !name.StartsWith(prefix + "_")) problems.Add(new(At(c, w), $"web resource {name} lacks the publisher prefix {prefix}_"));
        }
        foreach (var control in root.Descendants("control").Where(k => string.Equals((string?)k.Attribute("classid"), "{9FDF5F91-88B1-47f4-AD53-C11EFC01A01D}", StringComparison.OrdinalIgnoreCase)))
        {
            var id = NormalizeId(control.Element("parameters")?.Element("WebResourceId")?.Value);
            var url = control.Element("parameters")?.Element("Url")?.Value;
            if (!webResourceIds.TryGetValue(id, out var name)) problems.Add(new(At(c, control), $"form control {(string?)control.Attribute("id")} embeds web resource {id} that the package does not contain"));
            else if (name != url) problems.Add(new(At(c, control), $"form control Url {url} differs from the web resource's Name {name}"));
        }
        foreach (var assembly in assemblies)
        {
            var fullName = (string?)assembly.Attribute("FullName") ?? "";
            if (!fullName.Contains("PublicKeyToken=") || fullName.Contains("PublicKeyToken=null")) problems.Add(new(At(c, assembly), "plugin assembly is not strong-named"));
            foreach (var type in assembly.Descendants("PluginType"))
                if (!((string?)type.Attribute("AssemblyQualifiedName") ?? "").EndsWith(", " + fullName)) problems.Add(new(At(c, type), "AssemblyQualifiedName must be '<type>, <assembly FullName>'"));
        }
        var stepIds = new HashSet<string>();
        foreach (var step in steps)
        {
            var where = At(c, step);
            if (!stepIds.Add(NormalizeId((string?)step.Attribute("SdkMessageProcessingStepId")))) problems.Add(new(where, "duplicate step id"));
            if (!pluginTypes.TryGetValue(NormalizeId(step.Element("PluginTypeId")?.Value), out var type)) problems.Add(new(where, "PluginTypeId names no PluginType of the package"));
            else if (step.Element("PluginTypeName")?.Value != (string?)type.Attribute("AssemblyQualifiedName")) problems.Add(new(where, "PluginTypeName differs from the type's AssemblyQualifiedName"));
            var messageId = NormalizeId(step.Element("SdkMessageId")?.Value);
            if (!SdkMessageIds.Known.Values.Any(g => NormalizeId(g.ToString()) == messageId)) problems.Add(new(where, $"SdkMessageId {messageId} is not a known platform message id"));
            var stage = step.Element("Stage")?.Value;
            if (!int.TryParse(stage, out var stageValue) || !int.TryParse(step.Element("Mode")?.Value, out var modeValue) || !int.TryParse(step.Element("Rank")?.Value, out var rank))
            {
                problems.Add(new(where, $"Stage {stage} must be 10, 20 or 40, with a numeric Mode and Rank"));
                continue;
            }
            var message = SdkMessageIds.Known.FirstOrDefault(k => NormalizeId(k.Value.ToString()) == messageId).Key;
            if (message is null) continue;
            // The registration read back from the zip goes through the same rule book the packer and the emulator use.
            var registration = new StepRegistration(step.Element("PluginTypeName")?.Value.Split(',')[0] ?? "", message, step.Element("PrimaryEntity")?.Value.Trim(), (StepStage)stageValue)
            {
                Mode = (StepMode)modeValue,
                Rank = rank,
                FilteringAttributes = Split(step.Element("FilteringAttributes")?.Value),
                Images = step.Descendants("SdkMessageProcessingStepImage").Select(i => new StepImage(
                    i.Element("EntityAlias")?.Value ?? "", int.TryParse(i.Element("ImageType")?.Value, out var t) ? (StepImageType)t : (StepImageType)(-1),
                    Split(i.Element("Attributes")?.Value))).ToList(),
            };
            foreach (var problem in StepRules.Check(registration))
                problems.Add(new(where, problem.StartsWith("stage ") ? $"Stage {stage} must be 10, 20 or 40 ({problem})" : problem));
            if (step.Descendants("SdkMessageProcessingStepImage").Any(i => !Enum.IsDefined((StepImageType)(int.TryParse(i.Element("ImageType")?.Value, out var t) ? t : -1))))
                problems.Add(new(where, "ImageType must be 0 (pre), 1 (post) or 2 (both)"));
        }

        foreach (var rc in solution.Root!.Element("SolutionManifest")?.Element("RootComponents")?.Elements("RootComponent") ?? [])
        {
            var type = (string?)rc.Attribute("type");
            var key = (string?)rc.Attribute("schemaName") ?? (string?)rc.Attribute("id") ?? "";
            bool present = type switch
            {
                "1" => entities.Contains(key.ToLowerInvariant()),
                "9" => optionSets.Contains(key),
                "20" => roles.Contains(NormalizeId(key)),
                "26" => views.Contains(NormalizeId(key)),
                "59" => charts.Contains(NormalizeId(key)),
                "60" => forms.Contains(NormalizeId(key)),
                "62" => siteMaps.Contains(key),
                "80" => apps.Contains(key),
                "61" => webResourceIds.Values.Contains(key),
                "91" => assemblies.Any(a => NormalizeId((string?)a.Attribute("PluginAssemblyId")) == NormalizeId((string?)rc.Attribute("id"))),
                "92" => stepIds.Contains(NormalizeId(key)),
                _ => true,
            };
            if (!present) problems.Add(new(At(ZipNames.Solution, rc), $"root component type {type} {key} has no content in customizations.xml"));
        }
    }

    private static IReadOnlyList<string>? Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? null : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string NormalizeId(string? id) => (id ?? "").Trim().Trim('{', '}').ToLowerInvariant();
}
