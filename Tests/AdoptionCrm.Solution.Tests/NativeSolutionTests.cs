using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using AdoptionCrm.Solution.Packing;
using AdoptionCrm.Solution.Validation;

namespace AdoptionCrm.Solution.Tests;

/// <summary>
/// What an admin and a rep find after import: the app and its site map, every table's forms and standard
/// views, the account views, the chart and the dashboard. A new table of ours (Solution/src/Entities/adopt_…)
/// must bring a main form, the five standard views with a working Quick Find (the validator names what is
/// missing), a SubArea in AppModuleSiteMaps/adopt_AdoptionCrm and a component in AppModules/adopt_AdoptionCrm.
/// </summary>
public class NativeSolutionTests(PackedSolution packed) : IClassFixture<PackedSolution>
{
    private XElement Customizations => PackedSolution.Xml(packed.Zips[0], ZipNames.Customizations).Root!;

    private static string Label(XElement e) => e.Element("LocalizedNames")?.Element("LocalizedName")?.Attribute("description")?.Value ?? "";

    /// <summary>One line per component a user meets, e.g. "view account: My Accounts by Adoption Stage (0)".</summary>
    private List<string> Listing()
    {
        var root = Customizations;
        var lines = new List<string>();
        foreach (var app in root.Descendants("AppModule")) lines.Add($"app {app.Element("UniqueName")!.Value}: {Label(app)}");
        foreach (var map in root.Descendants("AppModuleSiteMap"))
            foreach (var sub in map.Descendants("SubArea"))
                lines.Add($"site map {map.Element("SiteMapUniqueName")!.Value}: {sub.Element("Titles")?.Element("Title")?.Attribute("Title")?.Value} -> {(string?)sub.Attribute("Entity") ?? "dashboard " + (string?)sub.Attribute("DefaultDashboard")}");
        foreach (var entity in root.Element("Entities")!.Elements("Entity"))
        {
            var table = entity.Element("Name")!.Value.ToLowerInvariant();
            foreach (var forms in entity.Element("FormXml")?.Elements("forms") ?? [])
                foreach (var form in forms.Elements("systemform")) lines.Add($"form {table} {(string)forms.Attribute("type")!}: {Label(form)}");
            foreach (var view in entity.Descendants("savedquery")) lines.Add($"view {table}: {Label(view)} ({view.Element("querytype")!.Value})");
            foreach (var chart in entity.Descendants("visualization")) lines.Add($"chart {table}: {Label(chart)}");
        }
        foreach (var dashboard in root.Element("Dashboards")?.Elements("Dashboard") ?? []) lines.Add($"dashboard: {Label(dashboard)}");
        return lines;
    }

    [Fact]
    public void The_zip_lists_the_app_site_map_forms_views_chart_and_dashboard()
    {
        var listing = Listing();
        var text = string.Join("\n", listing);
        Assert.Contains("app adopt_AdoptionCrm: AdoptionCrm", listing);
        Assert.Contains("site map adopt_AdoptionCrm: Adoption Settings -> adopt_adoptionsettings", listing);
        Assert.Contains("site map adopt_AdoptionCrm: Domain Rules -> adopt_domainrule", listing);
        Assert.Contains("site map adopt_AdoptionCrm: Account Domains -> adopt_accountdomain", listing);
        Assert.Contains("view account: My Accounts by Adoption Stage (0)", listing);
        Assert.Contains("view account: Adoption Stage Rose in the Last 7 Days (0)", listing);
        Assert.Contains("chart account: Accounts by Adoption Stage", listing);
        Assert.Contains("dashboard: Adoption", listing);
        Assert.Contains("form account main: Account", listing);
        Assert.Contains("form lead main: Lead", listing);
        foreach (var table in new[] { "adopt_accountdomain", "adopt_adoptionsettings", "adopt_domainrule" })
        {
            Assert.Contains($"form {table} main: Information", listing);
            foreach (var (queryType, _) in new[] { (0, ""), (1, ""), (2, ""), (4, ""), (64, "") })
                Assert.True(listing.Any(l => l.StartsWith($"view {table}: ") && l.EndsWith($"({queryType})")), $"{table} has no view of querytype {queryType}:\n{text}");
        }
        Assert.Contains("form adopt_accountdomain quickCreate: Quick Create", listing);
        Assert.Contains("form adopt_domainrule quickCreate: Quick Create", listing);
    }

    [Fact]
    public void Every_table_of_ours_has_its_forms_and_standard_views_in_the_app_and_site_map()
    {
        var root = Customizations;
        var ours = root.Element("Entities")!.Elements("Entity").Select(e => e.Element("Name")!.Value.ToLowerInvariant()).Where(n => n.StartsWith("adopt_")).ToList();
        Assert.NotEmpty(ours);
        // The validator's per-table check is what names a missing form or view ("table adopt_x lacks: …").
        Assert.DoesNotContain(SolutionZipValidator.Validate(packed.Zips[0].Content), p => p.Message.Contains(" lacks: "));
        var appTables = root.Descendants("AppModuleComponent").Where(c => (string?)c.Attribute("type") == "1").Select(c => (string)c.Attribute("schemaName")!).ToHashSet();
        var mapTables = root.Descendants("SubArea").Select(s => (string?)s.Attribute("Entity")).OfType<string>().ToHashSet();
        foreach (var table in ours)
        {
            Assert.True(appTables.Contains(table), $"table {table} lacks: a component <AppModuleComponent type=\"1\" schemaName=\"{table}\" /> in Solution/src/AppModules/adopt_AdoptionCrm/AppModule.xml");
            Assert.True(mapTables.Contains(table), $"table {table} lacks: a <SubArea Entity=\"{table}\"> in Solution/src/AppModuleSiteMaps/adopt_AdoptionCrm/AppModuleSiteMap.xml");
        }
    }

    [Fact]
    public void The_app_names_components_and_roles_the_zip_carries()
    {
        var root = Customizations;
        var app = root.Descendants("AppModule").Single();
        var roles = root.Element("Roles")!.Elements("Role").Select(r => Guid.Parse((string)r.Attribute("id")!)).ToHashSet();
        // System Administrator and System Customizer, mapped by id as real exported apps map them.
        var platformRoles = new HashSet<Guid> { new("627090ff-40a3-4053-8790-584edc5be201"), new("119f245c-3cc8-4b62-b31c-d1a046ced15d") };
        Assert.All(app.Descendants("Role"), r => Assert.True(roles.Contains(Guid.Parse((string)r.Attribute("id")!)) || platformRoles.Contains(Guid.Parse((string)r.Attribute("id")!))));
        var dashboards = root.Element("Dashboards")!.Elements("Dashboard").Select(d => Guid.Parse(d.Element("FormId")!.Value)).ToHashSet();
        Assert.All(app.Descendants("AppModuleComponent").Where(c => (string?)c.Attribute("type") == "60"), c => Assert.Contains(Guid.Parse((string)c.Attribute("id")!), dashboards));
        var siteMap = root.Descendants("AppModuleSiteMap").Single().Element("SiteMapUniqueName")!.Value;
        Assert.Contains(app.Descendants("AppModuleComponent"), c => (string?)c.Attribute("type") == "62" && (string?)c.Attribute("schemaName") == siteMap);
        var views = root.Descendants("savedquery").Select(v => Guid.Parse(v.Element("savedqueryid")!.Value)).ToHashSet();
        var charts = root.Descendants("visualization").Select(v => Guid.Parse(v.Element("savedqueryvisualizationid")!.Value)).ToHashSet();
        foreach (var tile in root.Element("Dashboards")!.Descendants("parameters"))
        {
            Assert.Contains(Guid.Parse(tile.Element("ViewId")!.Value), views);
            if (tile.Element("VisualizationId")!.Value is { Length: > 0 } chart) Assert.Contains(Guid.Parse(chart), charts);
        }
    }

    [Fact]
    public void The_chart_data_description_passes_the_official_visualization_schema()
    {
        var set = new XmlSchemaSet();
        set.Add(null, Repo.Path("Solution", "schemas", "VisualizationDataDescription.xsd"));
        foreach (var chart in Customizations.Descendants("visualization"))
        {
            var errors = new List<string>();
            var data = XDocument.Parse(chart.Element("datadescription")!.Value);
            data.Validate(set, (_, e) => errors.Add(e.Message));
            Assert.Empty(errors);
            Assert.Contains(data.Descendants("attribute"), a => (string?)a.Attribute("name") == "adopt_adoptionstage" && (string?)a.Attribute("groupby") == "true");
            XDocument.Parse(chart.Element("presentationdescription")!.Value); // well-formed chart XML
        }
    }

    [Fact]
    public void The_account_form_shows_score_stage_and_people_outside_the_adopters_tab_and_the_lead_form_shows_the_match()
    {
        var forms = Customizations.Descendants("systemform").ToList();
        var account = forms.Single(f => f.Element("formid")!.Value == "{8448b78f-8f42-454e-8e2a-f8196b0419af}");
        var summary = account.Descendants("tab").Single(t => (string?)t.Attribute("name") == "SUMMARY_TAB");
        Assert.Equal(["adopt_adoptionscore", "adopt_adoptionstage", "adopt_adoptercount"], summary.Descendants("control").Select(c => (string)c.Attribute("datafieldname")!));
        Assert.All(summary.Descendants("cell"), c => Assert.Equal("Added", (string?)c.Attribute("solutionaction")));
        var lead = forms.Single(f => f.Element("formid")!.Value == "{e3b6ddb7-8df0-4410-ac7b-fd32e5053d38}");
        Assert.Equal(["adopt_matchoutcome", "adopt_matchmethod", "adopt_matchexplanation", "adopt_emaildomain"], lead.Descendants("control").Select(c => (string)c.Attribute("datafieldname")!));
        // Human labels: the unmanaged zip keeps every cell's label, and none is a logical name.
        var unmanaged = PackedSolution.Xml(packed.Zips[1], ZipNames.Customizations).Descendants("cell").SelectMany(c => c.Descendants("label")).Select(l => (string)l.Attribute("description")!);
        Assert.All(unmanaged, l => Assert.DoesNotMatch("^adopt_", l));
    }
}
