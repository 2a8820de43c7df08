using System.Text.Json;
using System.Xml.Linq;
using AdoptionCrm.Solution.Packing;

namespace AdoptionCrm.Solution.Validation;

/// <summary>
/// Checks the cloud flows of a zip: each &lt;Workflow&gt; of Category 5 has its JSON entry (properties.definition),
/// uses only connection references the zip declares in &lt;connectionreferences&gt; (each with a connector id),
/// and is a root component (type 29) of solution.xml, as real exports hold them (PassengerProtectProgram).
/// </summary>
internal static class FlowChecks
{
    public static void Run(XDocument customizations, XDocument solution, IReadOnlyDictionary<string, byte[]> entries, List<ValidationProblem> problems)
    {
        const string c = ZipNames.Customizations;
        var root = customizations.Root!;
        var references = root.Element("connectionreferences")?.Elements("connectionreference").ToList() ?? [];
        var declared = references.Select(r => (string?)r.Attribute("connectionreferencelogicalname") ?? "").ToHashSet(StringComparer.Ordinal);
        foreach (var reference in references)
            if (!(reference.Element("connectorid")?.Value.Trim() ?? "").StartsWith("/providers/Microsoft.PowerApps/apis/", StringComparison.Ordinal))
                problems.Add(new(c, $"connection reference {(string?)reference.Attribute("connectionreferencelogicalname")} has no connector id (/providers/Microsoft.PowerApps/apis/…)"));
        var rootIds = solution.Root!.Element("SolutionManifest")?.Element("RootComponents")?.Elements("RootComponent")
            .Where(r => (string?)r.Attribute("type") == "29").Select(r => Normalize((string?)r.Attribute("id"))).ToHashSet() ?? [];
        foreach (var workflow in root.Element("Workflows")?.Elements("Workflow") ?? [])
        {
            var name = (string?)workflow.Attribute("Name") ?? "";
            var id = Normalize((string?)workflow.Attribute("WorkflowId"));
            if (!rootIds.Contains(id)) problems.Add(new(c, $"flow {name} ({id}) is not a root component (type 29) of solution.xml"));
            if (workflow.Element("Category")?.Value.Trim() != "5") continue;
            var file = workflow.Element("JsonFileName")?.Value.Trim() ?? "";
            if (file.Length < 2 || !entries.TryGetValue(file[1..], out var json))
            {
                problems.Add(new(c, $"cloud flow {name} has no <JsonFileName> naming an entry of the zip"));
                continue;
            }
            try
            {
                using var document = JsonDocument.Parse(json);
                if (!document.RootElement.TryGetProperty("properties", out var properties) || !properties.TryGetProperty("definition", out _))
                    problems.Add(new(file[1..], "a cloud flow's JSON needs properties.definition"));
                else if (properties.TryGetProperty("connectionReferences", out var connections))
                    foreach (var connection in connections.EnumerateObject())
                    {
                        var logical = connection.Value.TryGetProperty("connection", out var k) && k.TryGetProperty("connectionReferenceLogicalName", out var l) ? l.GetString() : null;
                        if (logical is null || !declared.Contains(logical))
                            problems.Add(new(file[1..], $"connection {connection.Name} uses connection reference {logical ?? "(none)"}, which customizations.xml does not declare"));
                    }
            }
            catch (JsonException e) { problems.Add(new(file[1..], "not valid JSON: " + e.Message)); }
        }
        foreach (var id in rootIds.Where(i => !(root.Element("Workflows")?.Elements("Workflow") ?? []).Any(w => Normalize((string?)w.Attribute("WorkflowId")) == i)))
            problems.Add(new(ZipNames.Solution, $"root component type 29 {id} has no <Workflow> in customizations.xml"));
    }

    private static string Normalize(string? id) => (id ?? "").Trim().Trim('{', '}').ToLowerInvariant();
}
