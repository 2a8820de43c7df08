using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Flows;

/// <summary>
/// Runs one scheduled flow's actions as the cloud flow engine would, for the action types a Dataverse
/// maintenance flow uses: InitializeVariable, SetVariable, Until (see <see cref="Until"/>), If (an expression or
/// the designer's condition object of and/or/not/equals), Terminate (ends the run with its runStatus and
/// runError.message), and OpenApiConnection to the Dataverse connector's
/// PerformUnboundAction (an OrganizationRequest named actionName, its "item/…" parameters as the request's).
/// Actions run in runAfter order; an action whose runAfter statuses (Succeeded, Failed, Skipped, TimedOut) are not
/// met is Skipped. Any other
/// action type, connector or operation fails the run, naming it: the emulator does not pretend.
/// Each connector call is a top-level request (Depth 1), as a flow's call to Dataverse is.
/// learn.microsoft.com/azure/logic-apps/logic-apps-workflow-actions-triggers,
/// learn.microsoft.com/power-automate/dataverse/bound-unbound
/// </summary>
internal sealed class FlowRunner
{
    private const string DataverseConnector = "shared_commondataserviceforapps";
    private readonly EmulatedOrganization _org;
    private readonly ScheduledFlow _flow;
    private readonly Dictionary<string, object?> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?> _outputs = new(StringComparer.Ordinal);
    private readonly List<string> _warnings = new();
    private readonly TimeSpan _callDuration;
    private int _calls;
    private TimeSpan _spent;

    public FlowRunner(EmulatedOrganization org, ScheduledFlow flow, TimeSpan callDuration)
    {
        _org = org;
        _flow = flow;
        _callDuration = callDuration;
    }

    public FlowRun Run(DateTime scheduledUtc)
    {
        try
        {
            var status = RunActions(_flow.Actions);
            return new FlowRun(_flow.Name, scheduledUtc, status, _calls, status == "Succeeded" ? null : _error, _warnings);
        }
        catch (Terminated t)
        {
            return new FlowRun(_flow.Name, scheduledUtc, t.RunStatus, _calls, t.RunStatus == "Succeeded" ? null : t.Message, _warnings);
        }
        catch (Exception e) when (e is NotSupportedException or FormatException or InvalidOperationException or KeyNotFoundException or InvalidCastException)
        {
            return new FlowRun(_flow.Name, scheduledUtc, "Failed", _calls, e.Message, _warnings);
        }
    }

    private string? _error;

    /// <summary>Runs a scope's actions in runAfter order; the scope fails when an action fails.</summary>
    private string RunActions(Dictionary<string, object?> actions)
    {
        var status = new Dictionary<string, string>(StringComparer.Ordinal);
        while (status.Count < actions.Count)
        {
            var ready = actions.Where(a => !status.ContainsKey(a.Key) && RunAfter(a.Value).Keys.All(status.ContainsKey)).ToList();
            if (ready.Count == 0) throw new InvalidOperationException($"flow {_flow.Name}: runAfter names an action that does not exist or a cycle");
            foreach (var (name, action) in ready)
            {
                var wanted = RunAfter(action);
                bool go = wanted.All(w => w.Value.Contains(status[w.Key]));
                status[name] = go ? RunAction(name, (Dictionary<string, object?>)action!) : "Skipped";
            }
        }
        return status.Values.Any(s => s == "Failed") ? "Failed" : "Succeeded";
    }

    private static readonly string[] Statuses = ["Succeeded", "Failed", "Skipped", "TimedOut"];

    private static Dictionary<string, List<string>> RunAfter(object? action) =>
        action is Dictionary<string, object?> a && a.TryGetValue("runAfter", out var r) && r is Dictionary<string, object?> map
            ? map.ToDictionary(p => p.Key, p => ((List<object?>)p.Value!).Select(v => Statuses.Contains((string)v!) ? (string)v! : throw new NotSupportedException($"runAfter status {v} is not emulated")).ToList())
            : new Dictionary<string, List<string>>();

    /// <summary>Terminate: the run ends at once with this status (learn.microsoft.com/azure/logic-apps/logic-apps-workflow-actions-triggers#terminate-action).</summary>
    private sealed class Terminated(string runStatus, string message) : Exception(message)
    {
        public string RunStatus { get; } = runStatus;
    }

    private string RunAction(string name, Dictionary<string, object?> action)
    {
        var type = (string)action["type"]!;
        var inputs = action.TryGetValue("inputs", out var i) ? i as Dictionary<string, object?> : null;
        switch (type)
        {
            case "InitializeVariable":
                foreach (Dictionary<string, object?> v in (List<object?>)inputs!["variables"]!)
                    _variables[(string)v["name"]!] = v.TryGetValue("value", out var value) ? Eval(value) : null;
                return "Succeeded";
            case "SetVariable":
                var variable = (string)inputs!["name"]!;
                if (!_variables.ContainsKey(variable)) throw new InvalidOperationException($"SetVariable {name}: variable {variable} is not initialized");
                _variables[variable] = Eval(inputs["value"]);
                return "Succeeded";
            case "Until":
                return Until(name, action);
            case "If":
                var branch = Condition(action["expression"]) ? action["actions"]
                    : action.TryGetValue("else", out var e) && e is Dictionary<string, object?> otherwise ? otherwise["actions"] : null;
                return branch is Dictionary<string, object?> chosen ? RunActions(chosen) : "Succeeded";
            case "Terminate":
                var runStatus = (string)inputs!["runStatus"]!;
                if (runStatus is not ("Failed" or "Cancelled" or "Succeeded")) throw new NotSupportedException($"Terminate {name}: runStatus {runStatus} is not one the platform has");
                var error = inputs.TryGetValue("runError", out var re) && re is Dictionary<string, object?> err && err.TryGetValue("message", out var m) ? Convert.ToString(Eval(m)) : null;
                throw new Terminated(runStatus, $"{name}: {error ?? runStatus}");
            case "OpenApiConnection":
                return Connector(name, inputs!);
            default:
                throw new NotSupportedException($"flow {_flow.Name}: action type {type} ({name}) is not emulated");
        }
    }

    /// <summary>
    /// An Until loop as Logic Apps documents it (learn.microsoft.com/azure/logic-apps/logic-apps-control-flow-loops#until):
    /// the body runs, then the expression is checked; it stops when the expression is true or at limit.count
    /// (default 60) or limit.timeout (ISO 8601, default PT1H; time = the clock's move plus each call's
    /// <see cref="EmulatorOptions.FlowCallDuration"/>). A failed action in an iteration that is not the last does
    /// not stop the loop: the next iteration runs, and the loop is Failed only when its last iteration failed.
    /// Reaching a limit is not a failure (the loop ends with its last iteration's status); it is recorded as a warning.
    /// </summary>
    private string Until(string name, Dictionary<string, object?> action)
    {
        var body = (Dictionary<string, object?>)action["actions"]!;
        var limit = action.TryGetValue("limit", out var l) ? l as Dictionary<string, object?> : null;
        var count = limit is not null && limit.TryGetValue("count", out var c) ? Convert.ToInt32(c) : 60;
        var timeout = System.Xml.XmlConvert.ToTimeSpan(limit is not null && limit.TryGetValue("timeout", out var t) ? (string)t! : "PT1H");
        var started = _org.Clock.UtcNow - _spent;
        for (var n = 1; ; n++)
        {
            var last = RunActions(body);
            if (Eval(action["expression"]) is true) return last;
            if (n >= count) { _warnings.Add($"{name}: stopped at its limit of {count} iterations"); return last; }
            if (_org.Clock.UtcNow + _spent - started >= timeout) { _warnings.Add($"{name}: stopped at its timeout of {timeout} after {n} iterations"); return last; }
        }
    }

    /// <summary>An If's expression: an expression string, or the designer's object form {"and": [{"not": {"equals": [a, b]}}]}.</summary>
    private bool Condition(object? expression) => expression switch
    {
        string s => Eval(s) is true,
        Dictionary<string, object?> { Count: 1 } c => Apply(c.Keys.Single(), c.Values.Single()),
        _ => throw new NotSupportedException($"flow {_flow.Name}: If expression {expression} is not emulated"),
    };

    private bool Apply(string function, object? arguments)
    {
        var args = arguments as List<object?> ?? [arguments];
        return function switch
        {
            "and" => args.All(Condition),
            "or" => args.Any(Condition),
            "not" => !Condition(args.Single()),
            "equals" => (bool)FlowExpression.Evaluate("@equals(variables('a'), variables('b'))", (_, n) => Eval(n == "a" ? args[0] : args[1]))!,
            _ => throw new NotSupportedException($"flow {_flow.Name}: condition {function} is not emulated"),
        };
    }

    private string Connector(string name, Dictionary<string, object?> inputs)
    {
        var host = (Dictionary<string, object?>)inputs["host"]!;
        var connection = (string)host["connectionName"]!;
        if (!_flow.Connectors.TryGetValue(connection, out var api) || api != DataverseConnector)
            throw new NotSupportedException($"flow {_flow.Name}: connector of connection {connection} is not emulated (only {DataverseConnector})");
        var operation = (string)host["operationId"]!;
        if (operation != "PerformUnboundAction") throw new NotSupportedException($"flow {_flow.Name}: Dataverse operation {operation} ({name}) is not emulated");
        var parameters = (Dictionary<string, object?>)Eval(inputs["parameters"])!;
        var request = new OrganizationRequest((string)parameters["actionName"]!);
        foreach (var (key, value) in parameters.Where(p => p.Key.StartsWith("item/", StringComparison.Ordinal)))
            request[key["item/".Length..]] = value is decimal d && d == Math.Floor(d) && Math.Abs(d) <= int.MaxValue ? (int)d : value;
        _calls++;
        _spent += _callDuration;
        try
        {
            var response = _org.SystemService.Execute(request);
            var body = response.Results.ToDictionary(r => r.Key, r => r.Value is Guid g ? g.ToString() : r.Value, StringComparer.Ordinal);
            _outputs[name] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["statusCode"] = 200m, ["body"] = body };
            return "Succeeded";
        }
        catch (FaultException<OrganizationServiceFault> fault)
        {
            var message = fault.Detail?.Message ?? fault.Message;
            _error = $"{name}: {message}";
            // The Web API's error body: {"error": {"code": "0x…", "message": …}} (learn.microsoft.com/power-apps/developer/data-platform/webapi/compose-http-requests-handle-errors)
            var error = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = "0x" + (fault.Detail?.ErrorCode ?? 0).ToString("x8"), ["message"] = message };
            _outputs[name] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["statusCode"] = 400m, ["body"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["error"] = error } };
            return "Failed";
        }
    }

    private object? Eval(object? value) => FlowExpression.Evaluate(value, (function, name) => function switch
    {
        "variables" => _variables.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException($"variable {name} is not initialized"),
        "outputs" => _outputs.TryGetValue(name, out var o) ? o : throw new KeyNotFoundException($"action {name} has not run"),
        "body" => _outputs.TryGetValue(name, out var b) ? ((Dictionary<string, object?>)b!)["body"] : throw new KeyNotFoundException($"action {name} has not run"),
        _ => new Dictionary<string, object?>(), // parameters('$authentication') and the like: the connection's, nothing to evaluate here
    });
}
