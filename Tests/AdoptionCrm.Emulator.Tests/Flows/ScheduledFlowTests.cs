using System.Xml.Linq;
using AdoptionCrm.Emulator.Flows;
using AdoptionCrm.Emulator.Tests.CustomApis;
using AdoptionCrm.Solution.Source;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests.Flows;

/// <summary>
/// Scheduled cloud flows run by the emulator's clock, read from their definition (no product code): the
/// fixture flow loops the fixture's test_Echo Custom API until a variable reaches a value.
/// </summary>
public class ScheduledFlowTests
{
    private static string Json(string actions, string recurrence = """{ "frequency": "Hour", "interval": 6, "startTime": "2025-01-01T00:00:00Z" }""") => $$"""
        {
          "properties": {
            "connectionReferences": { "shared_commondataserviceforapps": { "runtimeSource": "embedded", "connection": { "connectionReferenceLogicalName": "test_dataverse" }, "api": { "name": "shared_commondataserviceforapps" } } },
            "definition": {
              "triggers": { "Recurrence": { "type": "Recurrence", "recurrence": {{recurrence}} } },
              "actions": {{actions}}
            }
          },
          "schemaVersion": "1.0.0.0"
        }
        """;

    private const string EchoLoop = """
        {
          "Init": { "runAfter": {}, "type": "InitializeVariable", "inputs": { "variables": [ { "name": "acc", "type": "string", "value": "" } ] } },
          "Loop": {
            "runAfter": { "Init": [ "Succeeded" ] }, "type": "Until", "expression": "@equals(variables('acc'), 'aaa')", "limit": { "count": 10 },
            "actions": {
              "Echo": { "runAfter": {}, "type": "OpenApiConnection",
                "inputs": { "host": { "connectionName": "shared_commondataserviceforapps", "operationId": "PerformUnboundAction" },
                            "parameters": { "actionName": "test_Echo", "item/Text": "@concat(variables('acc'), 'a')", "item/Times": 1 } } },
              "Keep": { "runAfter": { "Echo": [ "Succeeded" ] }, "type": "SetVariable", "inputs": { "name": "acc", "value": "@coalesce(outputs('Echo')?['body/Echoed'], '')" } }
            }
          }
        }
        """;

    private static EmulatedOrganization Org(string json, bool on, string name = "Echo three times", TimeSpan callDuration = default, string? stateCode = null)
    {
        var options = new EmulatorOptions { RegisterShippedPlugins = false, LoadSolutionTables = false, LoadSolutionCustomApis = false, LoadSolutionFlows = false, TurnOnFlows = on,
            StartTimeUtc = new DateTime(2025, 3, 1, 1, 0, 0, DateTimeKind.Utc), FlowCallDuration = callDuration };
        options.CustomApis.AddRange(AdoptionCrm.Emulator.CustomApis.SolutionCustomApis.Load(CustomApiFixture.SourceDirectory));
        options.Flows.Add(new FlowDefinition(Guid.NewGuid(), name, "Workflows/Test.json", "Workflows/Test.json.data.xml", stateCode == null ? new XElement("Workflow") : new XElement("Workflow", new XElement("StateCode", stateCode)), json, ["test_dataverse"]));
        return EmulatedOrganization.Create(options).RegisterPluginType<EchoPlugin>();
    }

    private static int Tasks(EmulatedOrganization org) => org.SystemService.RetrieveMultiple(new QueryExpression("task")).Entities.Count;

    [Fact]
    public void An_on_flow_runs_at_each_firing_time_the_clock_passes_and_loops_until_its_expression_holds()
    {
        var org = Org(Json(EchoLoop), on: true);
        org.AdvanceClock(TimeSpan.FromHours(24)); // 06:00, 12:00, 18:00 and 00:00 pass
        Assert.Equal(new[] { 6, 12, 18, 24 }, org.Flows.Runs.Select(r => (int)(r.ScheduledUtc - new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc)).TotalHours));
        Assert.All(org.Flows.Runs, r => Assert.Equal(("Succeeded", 3), (r.Status, r.ConnectorCalls)));
        Assert.Equal(12, Tasks(org)); // each call's own write
    }

    [Fact]
    public void An_imported_flow_is_off_until_turned_on()
    {
        var org = Org(Json(EchoLoop), on: false);
        org.AdvanceClock(TimeSpan.FromDays(2));
        Assert.Empty(org.Flows.Runs);
        org.Flows.TurnOn("Echo three times");
        org.AdvanceClock(TimeSpan.FromHours(6));
        Assert.Single(org.Flows.Runs);
    }

    [Fact]
    public void A_flow_starts_in_the_state_its_solution_ships_it_in()
    {
        var activated = Org(Json(EchoLoop), on: false, stateCode: "1");
        Assert.True(activated.Flows.IsOn("Echo three times"));
        activated.AdvanceClock(TimeSpan.FromHours(6));
        Assert.Single(activated.Flows.Runs);

        var draft = Org(Json(EchoLoop), on: false, stateCode: "0");
        Assert.False(draft.Flows.IsOn("Echo three times"));
        draft.AdvanceClock(TimeSpan.FromHours(6));
        Assert.Empty(draft.Flows.Runs);
    }

    /// <summary>The loop's body when its call fails the first time only: a handler sets the text right after a failure.</summary>
    private const string FailOnceLoop = """
        {
          "Init": { "runAfter": {}, "type": "InitializeVariable", "inputs": { "variables": [ { "name": "acc", "type": "string", "value": "" }, { "name": "text", "type": "string", "value": "fail" } ] } },
          "Loop": {
            "runAfter": { "Init": [ "Succeeded" ] }, "type": "Until", "expression": "@equals(variables('acc'), 'a')", "limit": { "count": 10 },
            "actions": {
              "Echo": { "runAfter": {}, "type": "OpenApiConnection",
                "inputs": { "host": { "connectionName": "shared_commondataserviceforapps", "operationId": "PerformUnboundAction" },
                            "parameters": { "actionName": "test_Echo", "item/Text": "@variables('text')" } } },
              "Mend": { "runAfter": { "Echo": [ "Failed" ] }, "type": "SetVariable", "inputs": { "name": "text", "value": "a" } },
              "Keep": { "runAfter": { "Echo": [ "Succeeded" ] }, "type": "SetVariable", "inputs": { "name": "acc", "value": "@coalesce(outputs('Echo')?['body/Echoed'], '')" } }
            }
          }
        }
        """;

    [Fact]
    public void A_failed_iteration_that_is_not_the_last_does_not_stop_the_loop()
    {
        // Logic Apps: "the next iteration continues to run, and the entire Until action isn't marked as Failed"
        // (learn.microsoft.com/azure/logic-apps/logic-apps-control-flow-loops#until).
        var run = Org(Json(FailOnceLoop), on: true).Flows.RunNow("Echo three times");
        Assert.Equal(("Succeeded", 2), (run.Status, run.ConnectorCalls));
    }

    [Fact]
    public void A_call_that_always_fails_is_repeated_up_to_the_loop_count_and_the_run_fails_on_the_last_iteration()
    {
        var failing = Org(Json(EchoLoop.Replace("@concat(variables('acc'), 'a')", "fail")), on: true);
        var run = failing.Flows.RunNow("Echo three times");
        Assert.Equal(("Failed", 10), (run.Status, run.ConnectorCalls)); // the loop's count of 10, not 1: the platform does not stop at the first failure
        Assert.Contains("echo refused", run.Error);
        Assert.Contains(run.Warnings, w => w.Contains("limit of 10 iterations"));

        var http = Org(Json("""{ "Call": { "runAfter": {}, "type": "Http", "inputs": { "method": "GET", "uri": "https://example.com" } } }"""), on: true);
        run = http.Flows.RunNow("Echo three times");
        Assert.Equal("Failed", run.Status);
        Assert.Contains("action type Http (Call) is not emulated", run.Error);
    }

    [Fact]
    public void The_loop_stops_at_its_timeout_and_a_loop_cut_off_by_a_limit_is_not_failed()
    {
        var endless = EchoLoop.Replace("@equals(variables('acc'), 'aaa')", "@equals(variables('acc'), 'never')");
        var timed = Org(Json(endless.Replace("\"count\": 10", "\"count\": 10, \"timeout\": \"PT3H\"")), on: true, callDuration: TimeSpan.FromHours(1)).Flows.RunNow("Echo three times");
        Assert.Equal(("Succeeded", 3), (timed.Status, timed.ConnectorCalls));
        Assert.Contains(timed.Warnings, w => w.Contains("timeout"));

        var defaulted = Org(Json(endless.Replace(", \"limit\": { \"count\": 10 }", "")), on: true, callDuration: TimeSpan.FromMinutes(20)).Flows.RunNow("Echo three times");
        Assert.Equal(("Succeeded", 3), (defaulted.Status, defaulted.ConnectorCalls)); // no limit given: PT1H, as the platform defaults

        var counted = Org(Json(endless), on: true).Flows.RunNow("Echo three times");
        Assert.Equal(("Succeeded", 10), (counted.Status, counted.ConnectorCalls));
    }

    [Fact]
    public void Terminate_in_an_If_ends_the_run_with_its_status_and_message_and_an_unknown_runAfter_status_is_refused()
    {
        const string stop = """
          ,"Check": { "runAfter": { "Loop": [ "Succeeded", "Failed" ] }, "type": "If",
            "expression": { "and": [ { "not": { "equals": [ "@variables('acc')", "aaa" ] } } ] },
            "actions": { "Stop": { "runAfter": {}, "type": "Terminate", "inputs": { "runStatus": "Failed", "runError": { "code": "X", "message": "@concat('stopped at ', variables('acc'))" } } } },
            "else": { "actions": {} } }
        }
        """;
        var done = Org(Json(EchoLoop.TrimEnd().TrimEnd('}') + stop), on: true).Flows.RunNow("Echo three times");
        Assert.Equal(("Succeeded", 3), (done.Status, done.ConnectorCalls)); // the condition is false: else branch, nothing to stop

        var cut = EchoLoop.Replace("\"count\": 10", "\"count\": 2").TrimEnd().TrimEnd('}') + stop;
        var run = Org(Json(cut), on: true).Flows.RunNow("Echo three times");
        Assert.Equal(("Failed", 2), (run.Status, run.ConnectorCalls));
        Assert.Equal("Stop: stopped at aa", run.Error);

        var odd = Org(Json(EchoLoop.Replace("\"Echo\": [ \"Succeeded\" ]", "\"Echo\": [ \"Succeded\" ]")), on: true).Flows.RunNow("Echo three times");
        Assert.Equal("Failed", odd.Status);
        Assert.Contains("runAfter status Succeded is not emulated", odd.Error);
    }

    [Fact]
    public void A_schedule_the_emulator_cannot_follow_is_refused_when_loaded()
    {
        var e = Assert.Throws<NotSupportedException>(() => Org(Json(EchoLoop, """{ "frequency": "Day", "interval": 1, "schedule": { "hours": [ "2" ] } }"""), on: true));
        Assert.Contains("recurrence.schedule is not emulated", e.Message);
    }

    [Fact]
    public void Expressions_evaluate_as_the_workflow_language_defines_them()
    {
        var outputs = new Dictionary<string, object?> { ["body"] = new Dictionary<string, object?> { ["Cookie"] = null, ["Processed"] = 3m } };
        object? Lookup(string f, string n) => f == "outputs" ? outputs : f == "variables" ? "x" : null;
        Assert.Equal("", FlowExpression.Evaluate("@coalesce(outputs('A')?['body/Cookie'], '')", Lookup));
        Assert.Equal(3m, FlowExpression.Evaluate("@outputs('A')?['body/Processed']", Lookup));
        Assert.Null(FlowExpression.Evaluate("@outputs('A')?['body/Missing']", Lookup));
        Assert.Throws<KeyNotFoundException>(() => FlowExpression.Evaluate("@outputs('A')['body/Missing']", Lookup));
        Assert.Equal(true, FlowExpression.Evaluate("@empty('')", Lookup));
        Assert.Equal("@literal", FlowExpression.Evaluate("@@literal", Lookup));
        Assert.Equal("it's", FlowExpression.Evaluate("@concat('it''', 's')", Lookup));
        Assert.Throws<NotSupportedException>(() => FlowExpression.Evaluate("@{variables('x')} days", Lookup));
        Assert.Throws<NotSupportedException>(() => FlowExpression.Evaluate("@utcNow()", Lookup));
    }
}
