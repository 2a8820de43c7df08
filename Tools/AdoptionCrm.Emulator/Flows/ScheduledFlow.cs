using System.Text.Json;
using AdoptionCrm.Solution.Source;

namespace AdoptionCrm.Emulator.Flows;

/// <summary>
/// A solution cloud flow with a Recurrence trigger, read from its JSON (properties.definition): its
/// schedule, its actions and its connection references (connection name → connector). Flows with
/// other triggers are not scheduled and are not loaded here.
/// </summary>
public sealed class ScheduledFlow
{
    private ScheduledFlow(string name, bool shippedOn, FlowRecurrence recurrence, Dictionary<string, object?> actions, Dictionary<string, string> connectors)
    {
        Name = name;
        ShippedOn = shippedOn;
        Recurrence = recurrence;
        Actions = actions;
        Connectors = connectors;
    }

    public string Name { get; }
    /// <summary>
    /// The state the solution ships it in: its <c>.json.data.xml</c> StateCode 1 (Activated) is on, 0 (Draft) off.
    /// Import keeps that state once the connection references have connections, which the import wizard asks for
    /// ("a connection is provided for all the connection references so any referencing flows can be turned on
    /// automatically after the import completes", learn.microsoft.com/power-apps/maker/data-platform/create-connection-reference).
    /// </summary>
    public bool ShippedOn { get; }
    public FlowRecurrence Recurrence { get; }
    /// <summary>definition.actions as plain values (Dictionary / List / string / decimal / bool / null).</summary>
    public Dictionary<string, object?> Actions { get; }
    /// <summary>Connection name (the key in properties.connectionReferences) → connector api name (shared_commondataserviceforapps).</summary>
    public Dictionary<string, string> Connectors { get; }

    /// <summary>The flow when its only trigger is a Recurrence; null for flows started otherwise.</summary>
    public static ScheduledFlow? From(FlowDefinition flow)
    {
        using var document = JsonDocument.Parse(flow.Json);
        var properties = document.RootElement.GetProperty("properties");
        var definition = properties.GetProperty("definition");
        var triggers = definition.GetProperty("triggers").EnumerateObject().ToList();
        if (triggers.Count != 1 || triggers[0].Value.GetProperty("type").GetString() != "Recurrence") return null;
        var connectors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (properties.TryGetProperty("connectionReferences", out var references))
            foreach (var r in references.EnumerateObject())
                connectors[r.Name] = r.Value.TryGetProperty("api", out var api) && api.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
        var actions = (Dictionary<string, object?>)Plain(definition.GetProperty("actions"))!;
        var shippedOn = (string?)flow.Workflow.Element("StateCode") == "1";
        return new ScheduledFlow(flow.Name, shippedOn, FlowRecurrence.Read(flow.Name, triggers[0].Value), actions, connectors);
    }

    internal static object? Plain(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => e.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
