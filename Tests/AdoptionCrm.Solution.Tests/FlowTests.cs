using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AdoptionCrm.Solution.Packing;
using AdoptionCrm.Solution.Source;
using AdoptionCrm.Solution.Validation;

namespace AdoptionCrm.Solution.Tests;

/// <summary>
/// The solution's cloud flow (the daily recompute) from source to zip: read and checked from
/// Solution/src/Workflows, packed as real exports hold a flow (a &lt;Workflow&gt; row of Category 5 naming
/// its JSON, the JSON as an entry, a type-29 root component, the connection reference at the root of
/// customizations.xml), and each of those pieces missed by the validator when taken away.
/// </summary>
public class FlowTests(PackedSolution packed) : IClassFixture<PackedSolution>
{
    private static FlowDefinition Daily() => FlowReader.ReadAll(SolutionSource.Load(Repo.SourceDir).Files).Single(f => f.Name == "Adoption: daily recompute");

    [Fact]
    public void The_daily_recompute_flow_runs_every_day_and_calls_adopt_Rebuild_daily_until_the_cookie_is_empty()
    {
        var flow = Daily();
        Assert.Equal(["adopt_dataverse"], flow.ConnectionReferences);
        using var json = JsonDocument.Parse(flow.Json);
        var definition = json.RootElement.GetProperty("properties").GetProperty("definition");
        var trigger = definition.GetProperty("triggers").GetProperty("Recurrence");
        Assert.Equal("Recurrence", trigger.GetProperty("type").GetString());
        Assert.Equal("Day", trigger.GetProperty("recurrence").GetProperty("frequency").GetString());
        var loop = definition.GetProperty("actions").GetProperty("Recompute_until_done");
        Assert.Equal("Until", loop.GetProperty("type").GetString());
        Assert.Equal("@or(empty(variables('Cookie')), not(empty(variables('BatchError'))))", loop.GetProperty("expression").GetString());
        // Under 24 h so two daily runs never overlap (the run-duration cap is 30 days: power-automate limits-and-config).
        Assert.True(System.Xml.XmlConvert.ToTimeSpan(loop.GetProperty("limit").GetProperty("timeout").GetString()!) < TimeSpan.FromHours(24));
        var actions = definition.GetProperty("actions");
        Assert.Equal("Terminate", actions.GetProperty("Fail_if_a_batch_failed").GetProperty("actions").GetProperty("Stop_on_the_failed_batch").GetProperty("type").GetString());
        Assert.Equal("Terminate", actions.GetProperty("Fail_if_the_pass_did_not_finish").GetProperty("actions").GetProperty("Stop_unfinished").GetProperty("type").GetString());
        var call = loop.GetProperty("actions").GetProperty("Recompute_a_batch").GetProperty("inputs");
        Assert.Equal("PerformUnboundAction", call.GetProperty("host").GetProperty("operationId").GetString());
        Assert.Equal("adopt_Rebuild", call.GetProperty("parameters").GetProperty("actionName").GetString());
        Assert.Equal("daily", call.GetProperty("parameters").GetProperty("item/Scope").GetString());
        // Shipped off: it runs only after an admin binds the connection reference and turns it on.
        Assert.Equal("0", flow.Workflow.Element("StateCode")!.Value);
    }

    [Fact]
    public void Both_zips_carry_the_flow_its_json_its_root_component_and_its_connection_reference()
    {
        var flow = Daily();
        foreach (var zip in packed.Zips)
        {
            var entries = PackedSolution.Entries(zip);
            Assert.Equal(flow.Json, Encoding.UTF8.GetString(entries[flow.JsonPath]).TrimStart('\uFEFF'));
            var customizations = PackedSolution.Xml(zip, ZipNames.Customizations).Root!;
            var workflows = customizations.Element("Workflows")!.Elements("Workflow").ToList();
            Assert.Equal(FlowReader.ReadAll(SolutionSource.Load(Repo.SourceDir).Files).Count, workflows.Count); // every flow of the source, the backfill's continuation too
            var workflow = workflows.Single(w => w.Element("JsonFileName")!.Value == "/" + flow.JsonPath);
            Assert.Equal("/" + flow.JsonPath, workflow.Element("JsonFileName")!.Value);
            Assert.Equal("5", workflow.Element("Category")!.Value);
            var reference = customizations.Element("connectionreferences")!.Elements("connectionreference").Single();
            Assert.Equal("adopt_dataverse", (string?)reference.Attribute("connectionreferencelogicalname"));
            Assert.Equal("Languages", (reference.Parent!.NextNode as XElement)!.Name.LocalName);
            var roots = PackedSolution.Xml(zip, ZipNames.Solution).Descendants("RootComponent").Where(r => (string?)r.Attribute("type") == "29");
            Assert.Contains(roots, r => (string?)r.Attribute("id") == "{" + flow.Id.ToString("D") + "}");
        }
    }

    [Fact]
    public void The_validator_names_a_missing_connection_reference_root_component_or_json()
    {
        var flow = Daily();
        Assert.Contains(Mutated(e => Replace(e, ZipNames.Customizations, t => Cut(t, "<connectionreferences>", "</connectionreferences>"))),
            p => p.Contains("connection reference adopt_dataverse, which customizations.xml does not declare"));
        Assert.Contains(Mutated(e => Replace(e, ZipNames.Solution, t => Cut(t, "<RootComponent type=\"29\"", "/>"))),
            p => p.Contains("is not a root component (type 29)"));
        Assert.Contains(Mutated(e => e.Remove(flow.JsonPath)), p => p.Contains("<JsonFileName>") || p.Contains("no <JsonFileName>"));
        Assert.Contains(Mutated(e => Replace(e, flow.JsonPath, t => t.Replace("\"definition\"", "\"definitionx\""))),
            p => p.Contains("needs properties.definition"));
    }

    [Fact]
    public void A_flow_using_an_undeclared_connection_reference_is_refused_in_the_source()
    {
        var dir = Repo.CopyOfSource();
        var json = Directory.GetFiles(Path.Combine(dir, "Workflows"), "AdoptionDailyRecompute-*.json").Single();
        File.WriteAllText(json, File.ReadAllText(json).Replace("\"adopt_dataverse\"", "\"adopt_other\""));
        var source = SolutionSource.Load(dir);
        var e = Assert.Throws<SolutionSourceException>(() => FlowReader.ReadAll(source.Files));
        Assert.Contains("adopt_other is not declared", e.Message);
    }

    private IReadOnlyList<string> Mutated(Action<Dictionary<string, byte[]>> change) => ZipMutation.Problems(packed.Zips[0], change);

    private static void Replace(Dictionary<string, byte[]> entries, string entry, Func<string, string> change) => ZipMutation.Replace(entries, entry, change);

    private static string Cut(string text, string from, string through)
    {
        var start = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{from}' not found");
        var end = text.IndexOf(through, start, StringComparison.Ordinal) + through.Length;
        return text[..start] + text[end..];
    }
}
