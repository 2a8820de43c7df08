using System.Xml.Linq;
using AdoptionCrm.Solution.Packing;
using AdoptionCrm.Solution.Platform;
using AdoptionCrm.Solution.Registration;

namespace AdoptionCrm.Solution.Validation;

/// <summary>
/// Checks that a zip will import into a real Dynamics 365 and look native there, one rule per class of
/// defect the platform review found (platform-findings §1): diffs only of forms real exports show,
/// privileges real exports name at depths the table's ownership allows, declared dependencies on tables
/// Dynamics apps own, step columns and image properties that exist, plug-in types the DLL really has,
/// and the forms and standard views every table of ours needs.
/// </summary>
internal static class NativeChecks
{
    /// <summary>savedquery.querytype of the views every table ships (solution-format; PowerApps-Samples exports).</summary>
    public static readonly IReadOnlyList<(int QueryType, string Name)> StandardViews =
        [(0, "public view (querytype 0)"), (1, "advanced find view (querytype 1)"), (2, "associated view (querytype 2)"),
         (4, "quick find view (querytype 4)"), (64, "lookup view (querytype 64)")];

    public static void Run(XDocument customizations, XDocument solution, IReadOnlyDictionary<string, byte[]> entries, string? prefix, List<ValidationProblem> problems)
    {
        const string c = ZipNames.Customizations;
        var root = customizations.Root!;
        var entities = root.Element("Entities")?.Elements("Entity").ToList() ?? [];
        bool IsOurs(string table) => prefix is not null && table.StartsWith(prefix + "_", StringComparison.Ordinal);
        var tables = entities.Select(e => (Element: e, Name: e.Element("Name")?.Value.Trim().ToLowerInvariant() ?? "")).ToList();

        // Forms and views per table; diffs only of known forms.
        foreach (var (entity, table) in tables)
        {
            var forms = entity.Element("FormXml")?.Elements("forms").SelectMany(f => f.Elements("systemform").Select(s => (Type: (string?)f.Attribute("type"), Form: s))).ToList() ?? [];
            if (!IsOurs(table))
            {
                foreach (var (_, form) in forms)
                    if (!Guid.TryParse(form.Element("formid")?.Value, out var id) || KnownForms.Find(id) is not { } known || known.Table != table)
                        problems.Add(new(At(c, form), $"form {form.Element("formid")?.Value} of {table} is a diff of a form no real export shows; a diff for an id the target lacks fails import"));
                continue;
            }
            var missing = new List<string>();
            var info = entity.Element("EntityInfo")?.Element("entity");
            if (!forms.Any(f => f.Type == "main")) missing.Add("main form");
            else if (!forms.Where(f => f.Type == "main").Any(f => f.Form.Descendants("DisplayConditions").Any(d => (string?)d.Attribute("FallbackForm") == "true")))
                missing.Add("fallback main form (DisplayConditions FallbackForm=\"true\")");
            if (info?.Element("IsQuickCreateEnabled")?.Value == "1" && !forms.Any(f => f.Type == "quickCreate")) missing.Add("quick create form");
            var views = entity.Element("SavedQueries")?.Descendants("savedquery").ToList() ?? [];
            foreach (var (queryType, name) in StandardViews)
                if (!views.Any(v => v.Element("querytype")?.Value == queryType.ToString())) missing.Add(name);
            var quickFind = views.Where(v => v.Element("querytype")?.Value == "4").ToList();
            if (quickFind.Count > 0 && !quickFind.Any(v => v.Element("isquickfindquery")?.Value == "1" && v.Descendants("filter").Any(f => (string?)f.Attribute("isquickfindfields") == "1")))
                missing.Add("working Quick Find (isquickfindquery 1 and a filter with isquickfindfields=\"1\")");
            if (missing.Count > 0) problems.Add(new(At(c, entity), $"table {table} lacks: {string.Join(", ", missing)}"));
        }

        // Shell tables carry only their attributes: names and descriptions would overlay the app's labels.
        foreach (var (entity, table) in tables.Where(t => !IsOurs(t.Name)))
            foreach (var label in entity.Element("EntityInfo")?.Element("entity")?.Elements().Where(e => e.Name.LocalName is "LocalizedNames" or "LocalizedCollectionNames" or "Descriptions") ?? [])
                problems.Add(new(At(c, label), $"shell table {table} carries <{label.Name.LocalName}>; it would overlay the platform's own labels (ship only <attributes>)"));

        // The app and its site map point at tables the package has or the platform ships.
        var packageTables = tables.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var component in root.Element("AppModules")?.Descendants("AppModuleComponent").Where(a => (string?)a.Attribute("type") == "1") ?? [])
            if (!packageTables.Contains(((string?)component.Attribute("schemaName") ?? "").ToLowerInvariant()))
                problems.Add(new(At(c, component), $"app component names table {(string?)component.Attribute("schemaName")}, which the package does not carry"));
        foreach (var sub in root.Element("AppModuleSiteMaps")?.Descendants("SubArea") ?? [])
        {
            if ((string?)sub.Attribute("Entity") is { } target && !packageTables.Contains(target))
                problems.Add(new(At(c, sub), $"site map entry {(string?)sub.Attribute("Id")} opens table {target}, which the package does not carry"));
            if (string.IsNullOrWhiteSpace(sub.Element("Titles")?.Element("Title")?.Attribute("Title")?.Value))
                problems.Add(new(At(c, sub), $"site map entry {(string?)sub.Attribute("Id")} has no title"));
        }

        // Human labels: every view, chart, form and dashboard has a name, and no form cell shows a logical name.
        foreach (var named in root.Descendants().Where(e => e.Name.LocalName is "savedquery" or "visualization" or "Dashboard" || (e.Name.LocalName == "systemform" && e.Parent?.Parent?.Name.LocalName != "Dashboard")))
            if (named.Name.LocalName != "systemform" || IsOurs(named.Ancestors("Entity").FirstOrDefault()?.Element("Name")?.Value.Trim().ToLowerInvariant() ?? ""))
                if (string.IsNullOrWhiteSpace(named.Element("LocalizedNames")?.Element("LocalizedName")?.Attribute("description")?.Value))
                    problems.Add(new(At(c, named), $"{named.Name.LocalName} has no LocalizedName: users would see no name"));
        foreach (var cell in root.Descendants("cell"))
            foreach (var control in cell.Elements("control").Where(k => k.Attribute("datafieldname") is not null))
                if (cell.Element("labels")?.Elements("label").Any(l => (string?)l.Attribute("description") == (string?)control.Attribute("datafieldname")) == true)
                    problems.Add(new(At(c, cell), $"form cell for {(string?)control.Attribute("datafieldname")} is labelled with the column's logical name"));

        // Dependencies on what Dynamics apps own.
        var required = solution.Root?.Element("SolutionManifest")?.Element("MissingDependencies")?.Elements("MissingDependency").Select(m => m.Element("Required")).OfType<XElement>().ToList() ?? [];
        foreach (var (entity, table) in tables)
        {
            if (AppOwnedTables.Find(table) is { } owned && !required.Any(r => (string?)r.Attribute("type") == "1" && string.Equals((string?)r.Attribute("schemaName"), table, StringComparison.OrdinalIgnoreCase)
                && ((string?)r.Attribute("solution") ?? "").StartsWith(owned.OwningSolution, StringComparison.Ordinal)))
                problems.Add(new(ZipNames.Solution, $"MissingDependencies does not name table {table}, which comes with {owned.OwningSolution} (Dynamics 365), not base Dataverse"));
            foreach (var form in entity.Element("FormXml")?.Descendants("systemform") ?? [])
                if (Guid.TryParse(form.Element("formid")?.Value, out var id) && KnownForms.Find(id) is { } known
                    && !required.Any(r => (string?)r.Attribute("type") == "60" && Guid.TryParse((string?)r.Attribute("id"), out var rid) && rid == id))
                    problems.Add(new(ZipNames.Solution, $"MissingDependencies does not name the {known.DisplayName} form {{{id}}} of {known.OwningSolution} that customizations.xml changes"));
        }

        // Privileges: real names, depths the ownership allows.
        var ourTables = tables.Where(t => IsOurs(t.Name)).Select(t => (SchemaName: t.Element.Element("Name")!.Value.Trim(), LogicalName: t.Name)).ToList();
        var orgOwned = tables.Where(t => t.Element.Descendants("OwnershipTypeMask").Any(o => o.Value == "OrgOwned")).Select(t => t.Name).ToHashSet();
        foreach (var privilege in root.Element("Roles")?.Descendants("RolePrivilege") ?? [])
        {
            var name = (string?)privilege.Attribute("name") ?? "";
            var table = KnownPrivileges.TableOf(name, ourTables);
            if (table is null) problems.Add(new(At(c, privilege), $"privilege {name} is not a privilege real exports name (e.g. systemuser's are prvReadUser, prvAppendToUser)"));
            else if (orgOwned.Contains(table) && (string?)privilege.Attribute("level") != "Global")
                problems.Add(new(At(c, privilege), $"privilege {name} at depth {(string?)privilege.Attribute("level")}: {table} is organization-owned, so only Global is allowed"));
        }

        // Steps: columns, image properties, plug-in types.
        var columnsByTable = tables.ToDictionary(t => t.Name, t => t.Element.Descendants("attribute").Select(a => a.Element("LogicalName")?.Value.Trim()).OfType<string>().ToHashSet(StringComparer.Ordinal));
        foreach (var step in root.Element("SdkMessageProcessingSteps")?.Elements("SdkMessageProcessingStep") ?? [])
        {
            var message = SdkMessageIds.Known.FirstOrDefault(k => Guid.TryParse(step.Element("SdkMessageId")?.Value, out var g) && g == k.Value).Key;
            var table = step.Element("PrimaryEntity")?.Value.Trim();
            if (table is not null && columnsByTable.TryGetValue(table, out var columns))
            {
                var named = (step.Element("FilteringAttributes")?.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(a => ("filtering attribute", a))
                    .Concat(step.Descendants("SdkMessageProcessingStepImage").SelectMany(i => (i.Element("Attributes")?.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(a => ("image attribute", a))));
                foreach (var (kind, column) in named)
                    if (!columns.Contains(column) && !StandardTableColumns.Has(table, column))
                        problems.Add(new(At(c, step), $"{kind} {column} is not a column of {table}"));
            }
            if (message is not null)
                foreach (var image in step.Descendants("SdkMessageProcessingStepImage"))
                    if (image.Element("MessagePropertyName")?.Value != MessageImageProperty.For(message))
                        problems.Add(new(At(c, image), $"MessagePropertyName {image.Element("MessagePropertyName")?.Value} is wrong for {message} (expected {MessageImageProperty.For(message) ?? "no image at all"})"));
        }
        foreach (var assembly in root.Element("SolutionPluginAssemblies")?.Elements("PluginAssembly") ?? [])
        {
            var file = assembly.Element("FileName")?.Value.Trim().TrimStart('/');
            if (file is null || !entries.TryGetValue(file, out var dll)) continue; // named by the file-reference check
            PluginAssemblyIdentity identity;
            try { identity = PluginAssemblyIdentity.Read(dll, file); }
            catch (InvalidOperationException e) { problems.Add(new(file, e.Message)); continue; }
            foreach (var type in assembly.Descendants("PluginType"))
            {
                var name = (string?)type.Attribute("Name") ?? "";
                if (!identity.TypeNames.Contains(name)) problems.Add(new(At(c, type), $"plug-in type {name} is not in {file}"));
                else if (!identity.PluginTypeNames.Contains(name)) problems.Add(new(At(c, type), $"plug-in type {name} does not implement {PluginStepReader.PluginInterface}"));
            }
        }
    }

    private static string At(string entry, XObject node) =>
        node is System.Xml.IXmlLineInfo info && info.HasLineInfo() ? $"{entry}:{info.LineNumber}:{info.LinePosition}" : entry;
}
