using System.Text.Json;
using System.Xml.Linq;

namespace AdoptionCrm.Solution.Source;

/// <summary>
/// Reads the cloud flows of a solution source (<see cref="FlowDefinition"/>) and checks what an import
/// needs: a WorkflowId, Category 5 (modern flow), a JsonFileName "/Workflows/…json" naming the JSON next
/// to it, a JSON with properties.definition, and every connection reference the flow uses declared in
/// Other/Customizations.xml &lt;connectionreferences&gt;. Every problem names the file.
/// </summary>
public static class FlowReader
{
    public const string Folder = "Workflows/";
    public const string DataXmlSuffix = ".json.data.xml";
    /// <summary>workflow.category of a modern (cloud) flow: learn.microsoft.com/power-apps/developer/data-platform/reference/entities/workflow.</summary>
    public const int ModernFlowCategory = 5;

    public static IReadOnlyList<FlowDefinition> ReadAll(SourceFiles files)
    {
        var declared = ConnectionReferenceNames(files);
        var result = new List<FlowDefinition>();
        foreach (var path in files.Under(Folder, DataXmlSuffix))
        {
            var root = SourceXml.Load(files, path).Root!;
            if (root.Name.LocalName != "Workflow") throw SourceXml.Error(path, root, "root element must be <Workflow>");
            if (!Guid.TryParse(SourceXml.RequiredAttribute(path, root, "WorkflowId"), out var id)) throw SourceXml.Error(path, root, "WorkflowId is not a GUID");
            var name = SourceXml.RequiredAttribute(path, root, "Name");
            var category = SourceXml.Required(path, root, "Category");
            if (category != ModernFlowCategory.ToString()) throw SourceXml.Error(path, root, $"<Category> {category}: only cloud flows (5) are supported");
            var jsonFileName = SourceXml.Required(path, root, "JsonFileName");
            var jsonPath = path[..^".data.xml".Length];
            if (jsonFileName != "/" + jsonPath) throw SourceXml.Error(path, root, $"<JsonFileName> {jsonFileName} must be /{jsonPath}, the JSON next to this file");
            if (!files.Exists(jsonPath)) throw new SolutionSourceException(jsonPath, "the flow's JSON is missing");
            var json = System.Text.Encoding.UTF8.GetString(files.Read(jsonPath)).TrimStart('\uFEFF');
            var references = new List<string>();
            try
            {
                using var document = JsonDocument.Parse(json);
                var properties = document.RootElement.GetProperty("properties");
                if (!properties.TryGetProperty("definition", out var definition) || definition.ValueKind != JsonValueKind.Object)
                    throw new SolutionSourceException(jsonPath, "properties.definition (the workflow definition) is missing");
                if (properties.TryGetProperty("connectionReferences", out var connections))
                    foreach (var connection in connections.EnumerateObject())
                    {
                        var logical = connection.Value.TryGetProperty("connection", out var c) && c.TryGetProperty("connectionReferenceLogicalName", out var l) ? l.GetString() : null;
                        if (string.IsNullOrEmpty(logical)) throw new SolutionSourceException(jsonPath, $"connection {connection.Name} names no connectionReferenceLogicalName (a solution flow uses connection references)");
                        if (!declared.Contains(logical)) throw new SolutionSourceException(jsonPath, $"connection reference {logical} is not declared in {SolutionSource.CustomizationsPath} <connectionreferences>");
                        references.Add(logical);
                    }
            }
            catch (JsonException e) { throw new SolutionSourceException(jsonPath, "not valid JSON: " + e.Message); }
            catch (KeyNotFoundException) { throw new SolutionSourceException(jsonPath, "no top-level \"properties\""); }
            result.Add(new FlowDefinition(id, name, jsonPath, path, root, json, references));
        }
        return result;
    }

    /// <summary>The connection references Other/Customizations.xml declares (connectionreferencelogicalname).</summary>
    public static HashSet<string> ConnectionReferenceNames(SourceFiles files) =>
        SourceXml.Load(files, SolutionSource.CustomizationsPath).Root!.Element("connectionreferences")?.Elements("connectionreference")
            .Select(r => (string?)r.Attribute("connectionreferencelogicalname") ?? "").Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal)
        ?? new HashSet<string>(StringComparer.Ordinal);
}
