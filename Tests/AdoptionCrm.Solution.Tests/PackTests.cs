using AdoptionCrm.Solution.Source;
using System.Xml.Linq;
using AdoptionCrm.Solution.Packing;
using AdoptionCrm.Solution.Validation;

namespace AdoptionCrm.Solution.Tests;

public class PackTests(PackedSolution packed) : IClassFixture<PackedSolution>
{
    private static readonly string Examples = Path.GetFullPath(Repo.Path("..", "shared", "reference", "solution-examples"));

    [Fact]
    public void Both_zips_are_named_as_Dataverse_names_them()
    {
        var version = SolutionSource.Load(Repo.SourceDir).Version.Replace('.', '_');
        Assert.Equal([$"AdoptionCrm_{version}_managed.zip", $"AdoptionCrm_{version}.zip"], packed.Zips.Select(z => z.FileName));
    }

    [Fact]
    public void Customizations_xml_of_both_zips_passes_the_official_xsd_except_the_allow_list()
    {
        foreach (var zip in packed.Zips)
        {
            var issues = CustomizationsSchema.Validate(PackedSolution.Entries(zip)[ZipNames.Customizations]).Where(i => i.IsError).ToList();
            var unexpected = issues.Where(i => SchemaAllowList.Match(i.Message) is null).Select(i => $"{i.Line}:{i.Column} {i.Message}").ToList();
            Assert.True(unexpected.Count == 0, zip.FileName + ":\n" + string.Join("\n", unexpected));
            // An allowance our output no longer needs must go: the list only shrinks towards the XSD.
            foreach (var allowance in SchemaAllowList.Items)
                Assert.True(issues.Any(i => SchemaAllowList.Match(i.Message) == allowance), $"allow-list entry '{allowance.MessageContains}' is not needed by {zip.FileName}");
        }
    }

    [Fact]
    public void Every_allow_listed_deviation_is_seen_in_a_real_export()
    {
        foreach (var allowance in SchemaAllowList.Items)
        {
            var evidence = Path.Combine(Examples, allowance.Evidence);
            if (!File.Exists(evidence)) continue; // ../shared is absent outside this workspace.
            // The message must be recorded under the named export's own VALIDATE block, not just anywhere.
            var blocks = File.ReadAllText(evidence).Split("VALIDATE ");
            var block = Assert.Single(blocks, b => b.StartsWith($"zip-member:{allowance.Export}/customizations.xml", StringComparison.Ordinal));
            Assert.Contains(allowance.EvidenceText, block);
            Assert.Contains(allowance.MessageContains, allowance.EvidenceText);
        }
    }

    [Fact]
    public void Both_zips_pass_the_validator()
    {
        foreach (var zip in packed.Zips)
            Assert.Empty(SolutionZipValidator.Validate(zip.Content).Select(p => p.ToString()));
    }

    [Fact]
    public void Solution_xml_has_the_structure_of_real_exports()
    {
        var real = Path.Combine(Examples, "WaelHamze_xrm-ci-framework", "Success_1_0_0_0_managed", "solution.xml");
        foreach (var zip in packed.Zips)
        {
            var root = PackedSolution.Xml(zip, ZipNames.Solution).Root!;
            var manifest = root.Element("SolutionManifest")!;
            Assert.Equal(zip.Managed ? "1" : "0", manifest.Element("Managed")!.Value);
            Assert.Equal("adopt", manifest.Element("Publisher")!.Element("CustomizationPrefix")!.Value);
            if (File.Exists(real))
            {
                var expected = XDocument.Load(real).Root!;
                Assert.Equal(expected.Attributes().Select(a => a.Name.LocalName).Where(n => n != "xsi").Order(), root.Attributes().Select(a => a.Name.LocalName).Where(n => n != "xsi").Order());
                Assert.Equal(expected.Element("SolutionManifest")!.Elements().Select(e => e.Name.LocalName), manifest.Elements().Select(e => e.Name.LocalName));
                Assert.Equal(Shape(expected.Descendants("Address").First()), Shape(manifest.Descendants("Address").First()));
            }
            var components = manifest.Element("RootComponents")!.Elements().ToList();
            Assert.Contains(components, c => (string?)c.Attribute("type") == "1" && (string?)c.Attribute("schemaName") == "adopt_adoptionsettings");
            Assert.Contains(components, c => (string?)c.Attribute("type") == "1" && (string?)c.Attribute("schemaName") == "account" && (string?)c.Attribute("behavior") == "2");
            Assert.Contains(components, c => (string?)c.Attribute("type") == "9" && (string?)c.Attribute("schemaName") == "adopt_adoptionstage");
            Assert.Equal(2, components.Count(c => (string?)c.Attribute("type") == "20"));
            Assert.Single(components, c => (string?)c.Attribute("type") == "91" && ((string?)c.Attribute("schemaName"))!.StartsWith("AdoptionCrm.Plugins, Version="));
            Assert.DoesNotContain(components, c => (string?)c.Attribute("type") is "90" or "93");
            var keys = components.Select(c => (int.Parse((string)c.Attribute("type")!), (string?)c.Attribute("schemaName") ?? (string?)c.Attribute("id"))).ToList();
            Assert.Equal(keys.OrderBy(k => k.Item1).ThenBy(k => k.Item2, StringComparer.OrdinalIgnoreCase), keys);
        }
    }

    [Fact]
    public void Solution_xml_declares_what_we_build_on_but_do_not_ship()
    {
        foreach (var zip in packed.Zips)
        {
            var missing = PackedSolution.Xml(zip, ZipNames.Solution).Descendants("MissingDependency").Select(m => m.Element("Required")!).ToList();
            Assert.Contains(missing, r => (string?)r.Attribute("type") == "1" && (string?)r.Attribute("schemaName") == "lead"
                && (string?)r.Attribute("solution") == "msdynce_LeadManagement");
            Assert.Contains(missing, r => (string?)r.Attribute("type") == "60" && (string?)r.Attribute("id") == "{8448b78f-8f42-454e-8e2a-f8196b0419af}");
            Assert.Contains(missing, r => (string?)r.Attribute("type") == "60" && (string?)r.Attribute("id") == "{e3b6ddb7-8df0-4410-ac7b-fd32e5053d38}");
        }
    }

    [Fact]
    public void Steps_are_written_in_the_child_order_of_92_exports()
    {
        var step = PackedSolution.Xml(packed.Zips[0], ZipNames.Customizations).Descendants("SdkMessageProcessingStep").First();
        Assert.Equal(["SdkMessageId", "PluginTypeName", "PluginTypeId", "PrimaryEntity", "AsyncAutoDelete"], step.Elements().Take(5).Select(e => e.Name.LocalName));
        Assert.DoesNotContain("{", step.Element("SdkMessageId")!.Value);
    }

    private static IEnumerable<string> Shape(XElement e) => e.Elements().Select(c => c.Name.LocalName);

    [Fact]
    public void Every_step_in_the_zip_matches_a_registration_in_code_and_vice_versa()
    {
        var declared = PackedSolution.Input().Steps;
        foreach (var zip in packed.Zips)
        {
            var root = PackedSolution.Xml(zip, ZipNames.Customizations).Root!;
            var inZip = root.Element("SdkMessageProcessingSteps")?.Elements("SdkMessageProcessingStep").Select(s =>
            (
                Type: s.Element("PluginTypeName")!.Value.Split(',')[0],
                Message: SdkMessageIds.Known.Single(k => Guid.Parse(s.Element("SdkMessageId")!.Value) == k.Value).Key,
                Entity: s.Element("PrimaryEntity")?.Value,
                Stage: int.Parse(s.Element("Stage")!.Value),
                Mode: int.Parse(s.Element("Mode")!.Value),
                Rank: int.Parse(s.Element("Rank")!.Value),
                Filter: s.Element("FilteringAttributes")!.Value,
                Images: string.Join(";", s.Descendants("SdkMessageProcessingStepImage").Select(i => $"{i.Element("EntityAlias")!.Value}/{i.Element("ImageType")!.Value}/{i.Element("Attributes")!.Value}"))
            )).ToList() ?? [];
            var expected = declared.Select(d => (d.PluginTypeFullName, d.Message, d.PrimaryEntity, (int)d.Stage, (int)d.Mode, d.Rank, d.FilteringAttributesText,
                string.Join(";", d.Images.Select(i => $"{i.Alias}/{(int)i.ImageType}/{i.AttributesText}")))).ToList();
            Assert.Equal(expected.Order(), inZip.Order());
            var types = root.Descendants("PluginType").Select(t => (string)t.Attribute("Name")!).Order().ToList();
            // The steps' types, and the Custom APIs' main operations (named by PluginTypeId in customapi.xml).
            var apiTypeIds = CustomApiReader.ReadAll(PackedSolution.Input().Source.Files).Select(a => a.PluginTypeId).ToHashSet();
            Assert.Equal(declared.Select(d => d.PluginTypeFullName).Concat(types.Where(n => apiTypeIds.Contains(PluginTypeIds.Of(n)))).Distinct().Order(), types);
            Assert.Contains("AdoptionCrm.Plugins.Steps.RebuildPlugin", types);
        }
    }

    [Fact]
    public void The_dll_in_the_zip_is_the_signed_net462_build()
    {
        var shipped = File.ReadAllBytes(PackedSolution.ShippingDllPath);
        var identity = PluginAssemblyIdentity.Read(shipped, PackedSolution.ShippingDllPath);
        Assert.Equal(16, identity.PublicKeyToken.Length);
        foreach (var zip in packed.Zips)
        {
            var entries = PackedSolution.Entries(zip);
            var dll = Assert.Single(entries, e => e.Key.StartsWith("PluginAssemblies/"));
            Assert.Matches("^PluginAssemblies/AdoptionCrmPlugins-[0-9A-F-]{36}/AdoptionCrmPlugins.dll$", dll.Key);
            Assert.Equal(shipped, dll.Value);
            var assembly = PackedSolution.Xml(zip, ZipNames.Customizations).Descendants("PluginAssembly").Single();
            Assert.Equal(identity.FullName, (string)assembly.Attribute("FullName")!);
            Assert.Equal("/" + dll.Key, assembly.Element("FileName")!.Value);
            Assert.Contains(((string)assembly.Attribute("PluginAssemblyId")!).ToUpperInvariant(), dll.Key);
        }
        // The shipping build targets .NET Framework 4.6.2 (Dataverse's sandbox).
        Assert.Contains(".NETFramework,Version=v4.6.2", System.Text.Encoding.UTF8.GetString(shipped));
    }

    [Fact]
    public void Web_resources_in_the_zip_are_the_built_panel_files()
    {
        var built = WebResourceFile.FromDirectory(PackedSolution.WebResourcesDist);
        foreach (var zip in packed.Zips)
        {
            var entries = PackedSolution.Entries(zip);
            var declared = PackedSolution.Xml(zip, ZipNames.Customizations).Descendants("WebResource").ToList();
            if (built.Count == 0)
            {
                // No build output: the zip must declare no web resources rather than stale ones.
                Assert.Empty(declared);
                continue;
            }
            Assert.Equal(built.Select(b => b.Name), declared.Select(d => d.Element("Name")!.Value));
            foreach (var file in built)
            {
                var element = declared.Single(d => d.Element("Name")!.Value == file.Name);
                var entry = element.Element("FileName")!.Value[1..];
                Assert.Equal(ZipNames.WebResource(file.Name, file.Id), entry);
                Assert.Equal(file.Content, entries[entry]);
            }
        }
    }

    [Fact]
    public void The_account_form_tab_embeds_the_panel_by_its_derived_id()
    {
        var zip = packed.Zips[0];
        var control = PackedSolution.Xml(zip, ZipNames.Customizations).Descendants("control").Single(c => (string?)c.Attribute("id") == "WebResource_adopt_adopters");
        var url = control.Element("parameters")!.Element("Url")!.Value;
        Assert.Equal("adopt_/adopters/panel.html", url);
        Assert.Equal(DeterministicGuid.For("webresource", url), Guid.Parse(control.Element("parameters")!.Element("WebResourceId")!.Value));
        Assert.Equal("Added", (string?)control.Ancestors("tab").Single().Attribute("solutionaction"));
    }

    [Fact]
    public void Packing_twice_gives_identical_bytes()
    {
        var again = SolutionPacker.Pack(PackedSolution.Input());
        Assert.Equal(packed.Zips.Select(z => z.Content), again.Select(z => z.Content));
    }

    [Fact]
    public void Validator_names_the_path_of_each_problem()
    {
        var zip = packed.Zips[1];
        var entries = PackedSolution.Entries(zip);
        var text = System.Text.Encoding.UTF8.GetString(entries[ZipNames.Customizations]).Replace("<Stage>", "<Stagee>").Replace("</Stage>", "</Stagee>");
        entries[ZipNames.Customizations] = System.Text.Encoding.UTF8.GetBytes(text.Replace("<OptionSetName>adopt_matchmethod</OptionSetName>", "<OptionSetName>adopt_nothere</OptionSetName>"));
        entries.Remove(entries.Keys.Single(k => k.StartsWith("PluginAssemblies/")));
        using var buffer = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, true))
            foreach (var (name, content) in entries) { using var s = archive.CreateEntry(name).Open(); s.Write(content); }
        var problems = SolutionZipValidator.Validate(buffer.ToArray()).Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.StartsWith("customizations.xml:") && p.Contains("does not name an entry"));
        Assert.Contains(problems, p => p.StartsWith("customizations.xml:") && p.Contains("adopt_nothere"));
        // The 9.2 child order stops the XSD at the step's second child (allow-listed), so the step's own
        // checks are what catch a broken <Stage>.
        if (PackedSolution.Input().Steps.Count > 0) Assert.Contains(problems, p => p.StartsWith("customizations.xml:") && p.Contains("must be 10, 20 or 40"));
    }

    [Fact]
    public void The_xsd_copies_match_the_shared_reference()
    {
        var shared = Repo.Path("..", "shared", "reference", "schemas");
        if (!Directory.Exists(shared)) return; // Only checkable inside this workspace.
        foreach (var xsd in Directory.GetFiles(shared, "*.xsd"))
            Assert.Equal(File.ReadAllBytes(xsd), File.ReadAllBytes(Repo.Path("Solution", "schemas", Path.GetFileName(xsd))));
    }
}
