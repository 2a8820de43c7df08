using System.IO.Compression;
using System.Text;
using AdoptionCrm.Solution.Packing;
using AdoptionCrm.Solution.Validation;

namespace AdoptionCrm.Solution.Tests;

/// <summary>Each validator check, shown failing: a good zip is changed in one place and the validator names the problem.</summary>
public class ValidatorMutationTests(PackedSolution packed) : IClassFixture<PackedSolution>
{
    private IReadOnlyList<string> Validate(string entry, Func<string, string> mutate)
    {
        var entries = PackedSolution.Entries(packed.Zips[0]);
        var before = Encoding.UTF8.GetString(entries[entry]);
        var after = mutate(before);
        Assert.NotEqual(before, after); // the mutation must apply, or the test proves nothing
        entries[entry] = Encoding.UTF8.GetBytes(after);
        return ValidateEntries(entries);
    }

    private static IReadOnlyList<string> ValidateEntries(Dictionary<string, byte[]> entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, true))
            foreach (var (name, content) in entries) { using var s = archive.CreateEntry(name).Open(); s.Write(content); }
        return SolutionZipValidator.Validate(buffer.ToArray()).Select(p => p.ToString()).ToList();
    }

    private static string Once(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' not found");
        return text[..at] + to + text[(at + from.Length)..];
    }

    private IReadOnlyList<string> ValidateXml(string entry, Action<System.Xml.Linq.XDocument> mutate) =>
        Validate(entry, text =>
        {
            var doc = System.Xml.Linq.XDocument.Parse(text);
            mutate(doc);
            return doc.ToString();
        });

    [Fact]
    public void A_step_breaking_the_registration_rule_book_is_named()
    {
        var problems = ValidateXml(ZipNames.Customizations, d =>
        {
            var step = d.Descendants("SdkMessageProcessingStep").First(s => s.Element("Stage")!.Value == "20");
            step.Element("Mode")!.Value = "1";
        });
        Assert.Contains(problems, p => p.Contains("asynchronous steps are only allowed on PostOperation"));
    }

    [Fact]
    public void A_pre_image_on_Create_is_named()
    {
        var problems = ValidateXml(ZipNames.Customizations, d =>
        {
            var create = d.Descendants("SdkMessageProcessingStep").First(s => s.Element("SdkMessageId")!.Value == "9ebdbb1b-ea3e-db11-86a7-000a3a5473e8");
            create.Element("SdkMessageProcessingStepImages")!.Add(new System.Xml.Linq.XElement("SdkMessageProcessingStepImage", new System.Xml.Linq.XAttribute("Name", "PreImage"),
                new System.Xml.Linq.XElement("SdkMessageProcessingStepImageId", "{" + Guid.NewGuid() + "}"), new System.Xml.Linq.XElement("Attributes", ""),
                new System.Xml.Linq.XElement("EntityAlias", "PreImage"), new System.Xml.Linq.XElement("ImageType", 0),
                new System.Xml.Linq.XElement("MessagePropertyName", "Id"), new System.Xml.Linq.XElement("IsCustomizable", 1)));
        });
        Assert.Contains(problems, p => p.Contains("Create has no pre-image"));
    }

    [Fact]
    public void A_shell_table_carrying_its_own_labels_is_named()
    {
        var problems = ValidateXml(ZipNames.Customizations, d =>
        {
            var lead = d.Descendants("Entity").First(e => e.Element("Name")!.Value == "Lead").Element("EntityInfo")!.Element("entity")!;
            lead.AddFirst(new System.Xml.Linq.XElement("LocalizedNames", new System.Xml.Linq.XElement("LocalizedName", new System.Xml.Linq.XAttribute("description", "Lead"), new System.Xml.Linq.XAttribute("languagecode", 1033))));
        });
        Assert.Contains(problems, p => p.Contains("shell table lead carries <LocalizedNames>"));
    }

    [Fact]
    public void A_site_map_entry_for_a_table_the_package_lacks_is_named()
    {
        var problems = Validate(ZipNames.Customizations, t => t.Replace("Entity=\"adopt_domainrule\"", "Entity=\"adopt_nosuchtable\""));
        Assert.Contains(problems, p => p.Contains("opens table adopt_nosuchtable, which the package does not carry"));
    }

    [Fact]
    public void An_app_component_for_a_table_the_package_lacks_is_named()
    {
        var problems = Validate(ZipNames.Customizations, t => t.Replace("<AppModuleComponent type=\"1\" schemaName=\"adopt_domainrule\" />", "<AppModuleComponent type=\"1\" schemaName=\"adopt_nosuchtable\" />"));
        Assert.Contains(problems, p => p.Contains("app component names table adopt_nosuchtable"));
    }

    [Fact]
    public void A_view_without_a_name_and_a_cell_labelled_with_a_logical_name_are_named()
    {
        var problems = ValidateXml(ZipNames.Customizations, d =>
        {
            d.Descendants("savedquery").First().Element("LocalizedNames")!.Remove();
            var cell = d.Descendants("cell").First(c => c.Element("control")?.Attribute("datafieldname") is not null && c.Element("labels") is not null);
            cell.Element("labels")!.Element("label")!.SetAttributeValue("description", (string)cell.Element("control")!.Attribute("datafieldname")!);
        });
        Assert.Contains(problems, p => p.Contains("savedquery has no LocalizedName"));
        Assert.Contains(problems, p => p.Contains("is labelled with the column's logical name"));
    }

    [Fact]
    public void The_good_zip_is_valid() => Assert.Empty(SolutionZipValidator.Validate(packed.Zips[0].Content));

    [Fact]
    public void A_diff_of_a_form_no_real_export_shows_is_named()
    {
        var problems = Validate(ZipNames.Customizations, t => t.Replace("8448b78f-8f42-454e-8e2a-f8196b0419af", "8448b78f-8f42-454e-8e2f-f8196b0419af"));
        Assert.Contains(problems, p => p.Contains("{8448b78f-8f42-454e-8e2f-f8196b0419af} of account is a diff of a form no real export shows"));
    }

    [Fact]
    public void A_privilege_name_real_exports_do_not_show_is_named()
    {
        var problems = Validate(ZipNames.Customizations, t => t.Replace("prvReadUser\"", "prvReadSystemUser\""));
        Assert.Contains(problems, p => p.Contains("privilege prvReadSystemUser is not a privilege real exports name"));
    }

    [Fact]
    public void A_local_depth_on_an_organization_owned_table_is_named()
    {
        var problems = Validate(ZipNames.Customizations, t => t.Replace("name=\"prvReadadopt_DomainRule\" level=\"Global\"", "name=\"prvReadadopt_DomainRule\" level=\"Local\""));
        Assert.Contains(problems, p => p.Contains("prvReadadopt_DomainRule at depth Local: adopt_domainrule is organization-owned"));
    }

    [Fact]
    public void A_missing_dependency_on_an_app_owned_table_is_named()
    {
        var problems = Validate(ZipNames.Solution, t => t.Replace("schemaName=\"lead\" displayName=\"Lead\" solution=\"msdynce_LeadManagement\"", "schemaName=\"lead\" displayName=\"Lead\" solution=\"Other\""));
        Assert.Contains(problems, p => p.Contains("MissingDependencies does not name table lead, which comes with msdynce_LeadManagement"));
    }

    [Fact]
    public void A_missing_dependency_on_a_diffed_form_is_named()
    {
        var problems = Validate(ZipNames.Solution, t => t.Replace("id=\"{e3b6ddb7-8df0-4410-ac7b-fd32e5053d38}\"", "id=\"{00000000-0000-0000-0000-000000000001}\""));
        Assert.Contains(problems, p => p.Contains("does not name the Lead form {e3b6ddb7-8df0-4410-ac7b-fd32e5053d38}"));
    }

    [Fact]
    public void A_filtering_attribute_that_is_not_a_column_is_named()
    {
        var problems = Validate(ZipNames.Customizations, t => Once(t, "<FilteringAttributes>adopt_name", "<FilteringAttributes>adopt_nosuchcolumn"));
        Assert.Contains(problems, p => p.Contains("filtering attribute adopt_nosuchcolumn is not a column of"));
    }

    [Fact]
    public void An_image_attribute_that_is_not_a_column_is_named()
    {
        var problems = Validate(ZipNames.Customizations, t => Once(t, "<Attributes>", "<Attributes>adopt_nosuchcolumn,"));
        Assert.Contains(problems, p => p.Contains("image attribute adopt_nosuchcolumn is not a column of"));
    }

    [Fact]
    public void A_wrong_message_property_name_is_named()
    {
        var problems = Validate(ZipNames.Customizations, t => Once(t, "<MessagePropertyName>Target</MessagePropertyName>", "<MessagePropertyName>Id</MessagePropertyName>"));
        Assert.Contains(problems, p => p.Contains("MessagePropertyName Id is wrong for"));
    }

    [Fact]
    public void A_plugin_type_missing_from_the_dll_is_named()
    {
        var problems = Validate(ZipNames.Customizations, t => t.Replace("Name=\"AdoptionCrm.Plugins.Steps.LeadLinkingPlugin\"", "Name=\"AdoptionCrm.Plugins.Steps.NoSuchPlugin\""));
        Assert.Contains(problems, p => p.Contains("plug-in type AdoptionCrm.Plugins.Steps.NoSuchPlugin is not in"));
    }

    [Fact]
    public void A_plugin_type_that_is_not_an_IPlugin_is_named()
    {
        var problems = Validate(ZipNames.Customizations, t => t.Replace("Name=\"AdoptionCrm.Plugins.Steps.LeadLinkingPlugin\"", "Name=\"AdoptionCrm.Plugins.Infrastructure.PluginRegistrations\""));
        Assert.Contains(problems, p => p.Contains("plug-in type AdoptionCrm.Plugins.Infrastructure.PluginRegistrations does not implement Microsoft.Xrm.Sdk.IPlugin"));
    }

    [Theory]
    [InlineData("<querytype>4</querytype>", "<querytype>5</querytype>", "quick find view (querytype 4)")]
    [InlineData("<querytype>64</querytype>", "<querytype>65</querytype>", "lookup view (querytype 64)")]
    [InlineData("<querytype>1</querytype>", "<querytype>3</querytype>", "advanced find view (querytype 1)")]
    [InlineData("<querytype>2</querytype>", "<querytype>3</querytype>", "associated view (querytype 2)")]
    [InlineData("isquickfindfields=\"1\"", "isquickfindfields=\"0\"", "working Quick Find")]
    [InlineData("FallbackForm=\"true\"", "FallbackForm=\"false\"", "fallback main form")]
    [InlineData("<forms type=\"quickCreate\">", "<forms type=\"card\">", "quick create form")]
    public void A_table_without_its_forms_and_standard_views_is_named_with_what_it_lacks(string from, string to, string lack)
    {
        var problems = Validate(ZipNames.Customizations, t => Once(t, from, to));
        Assert.Contains(problems, p => p.Contains("table adopt_") && p.Contains("lacks: ") && p.Contains(lack));
    }

    [Fact]
    public void A_custom_API_privilege_no_role_grants_is_named()
    {
        var problems = Validate("customapis/adopt_Rebuild/customapi.xml", t => Once(t, "prvWriteadopt_AdoptionSettings", "prvWriteadopt_Adoptionsettings"));
        Assert.Contains(problems, p => p.Contains("adopt_Rebuild") && p.Contains("executeprivilegename prvWriteadopt_Adoptionsettings is granted by no role"));
    }
}
