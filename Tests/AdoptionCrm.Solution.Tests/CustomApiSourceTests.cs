using AdoptionCrm.Solution.Packing;
using AdoptionCrm.Solution.Source;

namespace AdoptionCrm.Solution.Tests;

/// <summary>
/// Custom APIs in the solution source, laid out as real exports write them (customapis/&lt;uniquename&gt;/…,
/// see microsoft/PowerApps-Samples IsSystemAdminFunction): read with their parameters, refused when
/// malformed, and packed into both zips at the same paths.
/// </summary>
public class CustomApiSourceTests
{
    private const string Api = """
        <customapi uniquename="adopt_Probe">
          <allowedcustomprocessingsteptype>2</allowedcustomprocessingsteptype>
          <bindingtype>0</bindingtype>
          <displayname default="Probe"><label description="Probe" languagecode="1033" /></displayname>
          <isfunction>0</isfunction>
          <isprivate>0</isprivate>
          <name>adopt_Probe</name>
          <plugintypeid><plugintypeid>{0}</plugintypeid></plugintypeid>
        </customapi>
        """;

    private const string Parameter = """
        <customapirequestparameter uniquename="Scope">
          <isoptional>0</isoptional>
          <name>Scope</name>
          <type>{0}</type>
        </customapirequestparameter>
        """;

    private static string SourceWithProbe(string type = "10", string uniqueName = "adopt_Probe")
    {
        var dir = Repo.CopyOfSource();
        var api = Path.Combine(dir, "customapis", "adopt_Probe");
        Directory.CreateDirectory(Path.Combine(api, "customapirequestparameters", "Scope"));
        File.WriteAllText(Path.Combine(api, "customapi.xml"),
            Api.Replace("{0}", PluginTypeIds.Of("AdoptionCrm.Plugins.Probe").ToString()).Replace("\"adopt_Probe\"", $"\"{uniqueName}\""));
        File.WriteAllText(Path.Combine(api, "customapirequestparameters", "Scope", "customapirequestparameter.xml"), Parameter.Replace("{0}", type));
        return dir;
    }

    [Fact]
    public void Custom_API_source_is_read_with_its_request_parameters()
    {
        var api = Assert.Single(CustomApiReader.ReadAll(SolutionSource.Load(SourceWithProbe()).Files), a => a.UniqueName == "adopt_Probe");
        Assert.Equal(PluginTypeIds.Of("AdoptionCrm.Plugins.Probe"), api.PluginTypeId);
        Assert.Equal(("Scope", CustomApiType.String, false), (api.RequestParameters[0].UniqueName, api.RequestParameters[0].Type, api.RequestParameters[0].IsOptional));
    }

    [Fact]
    public void Custom_API_parameter_with_an_unknown_type_names_the_file()
    {
        var e = Assert.Throws<SolutionSourceException>(() => CustomApiReader.ReadAll(SolutionSource.Load(SourceWithProbe(type: "13")).Files));
        Assert.Equal("customapis/adopt_Probe/customapirequestparameters/Scope/customapirequestparameter.xml", e.File);
    }

    [Fact]
    public void Custom_API_whose_uniquename_differs_from_its_folder_is_refused()
    {
        var e = Assert.Throws<SolutionSourceException>(() => CustomApiReader.ReadAll(SolutionSource.Load(SourceWithProbe(uniqueName: "adopt_Other")).Files));
        Assert.Contains("must match its folder", e.Message);
    }

    [Fact]
    public void Custom_API_files_are_packed_into_both_zips_at_their_source_paths()
    {
        var input = PackedSolution.Input() with { Source = SolutionSource.Load(SourceWithProbe()) };
        foreach (var zip in SolutionPacker.Pack(input))
        {
            var entries = PackedSolution.Entries(zip);
            Assert.Contains("customapis/adopt_Probe/customapi.xml", entries.Keys);
            Assert.Contains("customapis/adopt_Probe/customapirequestparameters/Scope/customapirequestparameter.xml", entries.Keys);
        }
    }

    [Fact]
    public void Every_Custom_API_of_the_solution_names_a_PluginType_of_the_packed_assembly()
    {
        // On import the platform binds customapi.plugintypeid to a PluginType the solution carries.
        var input = PackedSolution.Input();
        var zip = SolutionPacker.Pack(input)[0];
        var typeIds = PackedSolution.Xml(zip, "customizations.xml").Descendants("PluginType")
            .Select(t => Guid.Parse((string)t.Attribute("PluginTypeId")!)).ToHashSet();
        foreach (var api in CustomApiReader.ReadAll(input.Source.Files).Where(a => a.PluginTypeId is not null))
            Assert.True(typeIds.Contains(api.PluginTypeId!.Value),
                $"{api.UniqueName} names plug-in type {api.PluginTypeId}, which is no PluginType of the packed assembly");
    }

    [Fact]
    public void A_Custom_APIs_plugin_type_without_steps_is_packed_as_a_PluginType()
    {
        // Take a shipped plug-in class, drop its steps from the pack, and name it from a Custom API instead.
        var input = PackedSolution.Input();
        var type = input.Steps[0].PluginTypeFullName;
        var dir = SourceWithProbe();
        var api = Path.Combine(dir, "customapis", "adopt_Probe", "customapi.xml");
        File.WriteAllText(api, File.ReadAllText(api).Replace(PluginTypeIds.Of("AdoptionCrm.Plugins.Probe").ToString(), PluginTypeIds.Of(type).ToString()));
        var zip = SolutionPacker.Pack(input with { Source = SolutionSource.Load(dir), Steps = input.Steps.Where(s => s.PluginTypeFullName != type).ToList() })[0];
        var typeIds = PackedSolution.Xml(zip, "customizations.xml").Descendants("PluginType").Select(t => Guid.Parse((string)t.Attribute("PluginTypeId")!));
        Assert.Contains(PluginTypeIds.Of(type), typeIds);
    }
}
