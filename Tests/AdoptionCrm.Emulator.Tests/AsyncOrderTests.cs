using AdoptionCrm.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Tests;

/// <summary>
/// The async service does not promise createdon order (PAD:asynchronous-service, "Execution order and
/// dependencies"): by default the emulator runs jobs in queue order, and EmulatorOptions.AsyncNewestFirst runs
/// them reversed, so a test can show what a product does when jobs overtake each other.
/// </summary>
public class AsyncOrderTests
{
    private static List<string> RunTwo(bool newestFirst)
    {
        var org = EmulatedOrganization.Create(new EmulatorOptions { LoadSolutionTables = false, AsyncNewestFirst = newestFirst });
        var ran = new List<string>();
        org.RegisterStep(new StepDefinition("Create", "lead", 40) { Mode = 1 },
            new DelegatePlugin((context, _, _) => ran.Add(((Entity)context.InputParameters["Target"]).GetAttributeValue<string>("lastname"))));
        org.SystemService.Create(new Entity("lead") { ["lastname"] = "first" });
        org.SystemService.Create(new Entity("lead") { ["lastname"] = "second" });
        Assert.Equal(2, org.DrainAsyncQueue());
        return ran;
    }

    [Fact]
    public void Jobs_run_in_queue_order_by_default_and_newest_first_when_asked()
    {
        Assert.Equal(new[] { "first", "second" }, RunTwo(newestFirst: false));
        Assert.Equal(new[] { "second", "first" }, RunTwo(newestFirst: true));
    }
}
