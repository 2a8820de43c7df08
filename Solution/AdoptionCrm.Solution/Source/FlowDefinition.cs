using System.Xml.Linq;

namespace AdoptionCrm.Solution.Source;

/// <summary>
/// A cloud flow of the solution source, as `pac solution unpack` lays it out: Workflows/&lt;Name&gt;-&lt;ID&gt;.json
/// (the flow: connection references and the Logic Apps workflow definition) next to
/// Workflows/&lt;Name&gt;-&lt;ID&gt;.json.data.xml (its &lt;Workflow&gt; row for customizations.xml, Category 5 = modern flow).
/// </summary>
public sealed record FlowDefinition(Guid Id, string Name, string JsonPath, string DataXmlPath, XElement Workflow, string Json,
    IReadOnlyList<string> ConnectionReferences);
