using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests;

/// <summary>
/// sdkmessageprocessingstep.asyncautodelete: a step registered with it has its system job deleted once the job
/// succeeds; a failed job stays on record; a step registered without it keeps its succeeded jobs.
/// </summary>
public class AsyncAutoDeleteTests
{
    private readonly EmulatedOrganization _org = TestOrg.Create();

    private int JobRows() => _org.SystemService.RetrieveMultiple(new QueryExpression("asyncoperation") { ColumnSet = new ColumnSet(false) }).Entities.Count;

    private void Step(bool autoDelete, Action body) =>
        _org.RegisterStep(new StepDefinition("Create", "lead", 40) { Mode = 1, AsyncAutoDelete = autoDelete }, new DelegatePlugin((_, _, _) => body()));

    [Fact]
    public void A_succeeded_job_of_an_auto_delete_step_is_deleted_and_leaves_the_queue()
    {
        Step(autoDelete: true, () => { });
        _org.SystemService.Create(new Entity("lead") { ["lastname"] = "x" });
        Assert.Equal(1, JobRows()); // waiting, on record until it runs
        Assert.Equal(1, _org.DrainAsyncQueue());
        Assert.Equal(0, JobRows());
        Assert.Empty(_org.AsyncQueue.Jobs);
    }

    [Fact]
    public void A_failed_job_of_an_auto_delete_step_stays_on_record()
    {
        Step(autoDelete: true, () => throw new InvalidPluginExecutionException("no quota left"));
        _org.SystemService.Create(new Entity("lead") { ["lastname"] = "x" });
        _org.DrainAsyncQueue();
        Assert.Equal(1, JobRows());
        Assert.Equal(AsyncQueue.Failed, Assert.Single(_org.AsyncQueue.Jobs).StatusCode);
    }

    [Fact]
    public void A_step_without_auto_delete_keeps_its_succeeded_jobs()
    {
        Step(autoDelete: false, () => { });
        _org.SystemService.Create(new Entity("lead") { ["lastname"] = "x" });
        _org.DrainAsyncQueue();
        Assert.Equal(1, JobRows());
        Assert.Equal(AsyncQueue.Succeeded, Assert.Single(_org.AsyncQueue.Jobs).StatusCode);
    }

    [Fact]
    public void Shipped_async_steps_are_registered_with_auto_delete_as_the_packer_writes_them()
    {
        var org = EmulatedOrganization.Create(new EmulatorOptions { PluginAssemblies = { typeof(PluginBase).Assembly } });
        var asyncSteps = org.Steps.All.Where(s => s.Definition.IsAsync).ToList();
        Assert.NotEmpty(asyncSteps);
        Assert.All(asyncSteps, s => Assert.True(s.Definition.AsyncAutoDelete));
        Assert.All(org.Steps.All.Where(s => !s.Definition.IsAsync), s => Assert.False(s.Definition.AsyncAutoDelete));
    }
}
