using System.ServiceModel;
using AdoptionCrm.Emulator;
using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests;

/// <summary>A test-only plugin declared the shipped way: PluginBase + [PluginStep].</summary>
[PluginStep(MessageNames.Create, "lead", PipelineStage.PreOperation)]
public sealed class StampCompanyPlugin : PluginBase
{
    public StampCompanyPlugin() : base(typeof(StampCompanyPlugin)) { }

    protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
    {
        var target = (Entity)localContext.PluginExecutionContext.InputParameters["Target"];
        target["companyname"] = "Stamped in PreOperation";
        localContext.Trace("stamped");
    }
}

public class PipelineTests
{
    private readonly EmulatedOrganization _org = TestOrg.Create();
    private IOrganizationService Service => _org.SystemService;

    [Fact]
    public void A_steps_logged_trace_is_what_it_traced_while_it_ran()
    {
        // Each line in order; a step that keeps its tracing service and traces after it returned (a stateful plug-in)
        // changes no entry, as plugintracelog is written when the step ends.
        ITracingService? kept = null;
        var run = 0;
        _org.On("Create", "lead", 40, (_, _, tracing) =>
        {
            tracing.Trace("run {0} first", ++run);
            tracing.Trace("then {0}", "second");
            kept = tracing;
        });
        Service.Create(new Entity("lead") { ["lastname"] = "a" });
        kept!.Trace("after the step");
        Service.Create(new Entity("lead") { ["lastname"] = "b" });
        kept!.Trace("after the second");

        var texts = _org.Log.Entries.Select(e => e.TraceText).ToArray();
        Assert.Equal(new[] { "run 1 first\nthen second\n", "run 2 first\nthen second\n" }, texts.Select(t => t.Replace("\r\n", "\n")));
        Assert.Same(_org.Log.Entries[0].TraceText, _org.Log.Entries[0].TraceText);
        var copy = _org.Log.Entries[1] with { TraceText = "replaced" };
        Assert.Equal("replaced", copy.TraceText);
        Assert.Equal("run 2 first\nthen second\n", _org.Log.Entries[1].TraceText.Replace("\r\n", "\n"));
    }

    [Fact]
    public void PluginStep_declaration_registers_and_Target_edits_in_PreOperation_persist()
    {
        _org.RegisterPlugin<StampCompanyPlugin>();
        var id = Service.Create(new Entity("lead") { ["lastname"] = "x" });
        Assert.Equal("Stamped in PreOperation", Service.Retrieve("lead", id, new ColumnSet("companyname"))["companyname"]);
        var entry = Assert.Single(_org.Log.Entries);
        Assert.Equal((typeof(StampCompanyPlugin).FullName, "Create", "lead", 20, 1, "Succeeded"), (entry.Plugin, entry.Message, entry.Table, entry.Stage, entry.Depth, entry.Outcome));
        Assert.Contains("stamped", entry.TraceText);
    }

    [Fact]
    public void Stages_run_10_20_40_and_by_rank_within_a_stage()
    {
        var order = new List<string>();
        _org.On("Create", "lead", 40, (c, f, t) => order.Add("40"));
        _org.On("Create", "lead", 20, (c, f, t) => order.Add("20-rank2"), rank: 2);
        _org.On("Create", "lead", 20, (c, f, t) => order.Add("20-rank1"), rank: 1);
        _org.On("Create", "lead", 10, (c, f, t) => order.Add("10"));
        Service.Create(new Entity("lead") { ["lastname"] = "x" });
        Assert.Equal(new[] { "10", "20-rank1", "20-rank2", "40" }, order);
    }

    [Fact]
    public void OutputParameters_id_is_available_at_PostOperation()
    {
        Guid seen = Guid.Empty;
        _org.On("Create", "lead", 40, (c, f, t) => seen = (Guid)c.OutputParameters["id"]);
        var id = Service.Create(new Entity("lead") { ["lastname"] = "x" });
        Assert.Equal(id, seen);
    }

    [Fact]
    public void Filtering_attributes_fire_only_when_a_listed_column_is_in_the_Target()
    {
        var fired = 0;
        _org.On("Update", "lead", 20, (c, f, t) => fired++, filtering: new[] { "emailaddress1" });
        var id = Service.Create(new Entity("lead") { ["lastname"] = "x" });
        Service.Update(new Entity("lead", id) { ["firstname"] = "no" });
        Assert.Equal(0, fired);
        Service.Update(new Entity("lead", id) { ["emailaddress1"] = "a@b.c" });
        Assert.Equal(1, fired);
    }

    [Fact]
    public void Images_hold_only_registered_columns_before_and_after_the_update()
    {
        Entity? pre = null, post = null;
        _org.On("Update", "lead", 40, (c, f, t) => { pre = c.PreEntityImages["pre"]; post = c.PostEntityImages["post"]; },
            pre: new ImageDefinition("pre", new[] { "firstname" }), post: new ImageDefinition("post", new[] { "firstname" }));
        var id = Service.Create(new Entity("lead") { ["lastname"] = "x", ["firstname"] = "Old" });
        Service.Update(new Entity("lead", id) { ["firstname"] = "New" });
        Assert.Equal("Old", pre!["firstname"]);
        Assert.Equal("New", post!["firstname"]);
        Assert.False(pre.Contains("lastname"));
    }

    [Fact]
    public void Create_pre_image_registration_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => _org.On("Create", "lead", 20, (c, f, t) => { }, pre: new ImageDefinition("pre", null)));
    }

    [Fact]
    public void Single_Create_fires_CreateMultiple_steps_and_CreateMultiple_fires_Create_steps()
    {
        var multiple = new List<int>();
        var single = 0;
        _org.On("CreateMultiple", "lead", 20, (c, f, t) => multiple.Add(((EntityCollection)c.InputParameters["Targets"]).Entities.Count));
        _org.On("Create", "lead", 20, (c, f, t) => { single++; ((Entity)c.InputParameters["Target"])["companyname"] = "per item"; });
        Service.Create(new Entity("lead") { ["lastname"] = "one" });
        var targets = new EntityCollection(new List<Entity> { new("lead") { ["lastname"] = "a" }, new("lead") { ["lastname"] = "b" } }) { EntityName = "lead" };
        var ids = (Guid[])Service.Execute(new OrganizationRequest("CreateMultiple") { ["Targets"] = targets }).Results["Ids"];
        Assert.Equal(new[] { 1, 2 }, multiple);
        Assert.Equal(3, single);
        Assert.Equal("per item", Service.Retrieve("lead", ids[1], new ColumnSet("companyname"))["companyname"]);
    }

    [Fact]
    public void Nested_calls_increase_Depth_and_the_loop_faults_beyond_depth_8()
    {
        var depths = new List<int>();
        _org.On("Update", "lead", 40, (c, f, t) =>
        {
            depths.Add(c.Depth);
            f.CreateOrganizationService(null).Update(new Entity("lead", c.PrimaryEntityId) { ["firstname"] = "again" });
        });
        var id = Service.Create(new Entity("lead") { ["lastname"] = "x" });
        var error = Assert.ThrowsAny<Exception>(() => Service.Update(new Entity("lead", id) { ["firstname"] = "go" }));
        Assert.Contains("infinite loop", error.Message);
        Assert.Equal(Enumerable.Range(1, 8), depths);
        Assert.Null(Service.Retrieve("lead", id, new ColumnSet("firstname")).GetAttributeValue<string>("firstname")); // rolled back
    }

    [Fact]
    public void ParentContext_and_SharedVariables_flow_from_PreValidation_and_from_the_calling_step()
    {
        object? fromPreValidation = null;
        IPluginExecutionContext? nestedParent = null;
        _org.On("Create", "lead", 10, (c, f, t) => c.SharedVariables["k"] = "v");
        _org.On("Create", "lead", 20, (c, f, t) => fromPreValidation = c.ParentContext.SharedVariables["k"]);
        _org.On("Create", "lead", 40, (c, f, t) => f.CreateOrganizationService(null).Create(new Entity("task") { ["subject"] = "follow up" }));
        _org.On("Create", "task", 20, (c, f, t) => nestedParent = c.ParentContext);
        Service.Create(new Entity("lead") { ["lastname"] = "x" });
        Assert.Equal("v", fromPreValidation);
        // task PreOperation → task PreValidation → the lead PostOperation step that made the call
        Assert.Equal(("task", 10), (nestedParent!.PrimaryEntityName, nestedParent.Stage));
        Assert.Equal(("lead", 40), (nestedParent.ParentContext.PrimaryEntityName, nestedParent.ParentContext.Stage));
    }

    [Fact]
    public void UserId_is_the_impersonated_user_and_InitiatingUserId_the_caller()
    {
        var caller = _org.CreateUser("Calling", "User");
        (Guid user, Guid initiating) seen = default;
        _org.On("Create", "lead", 40, (c, f, t) => f.CreateOrganizationService(null).Create(new Entity("task") { ["subject"] = "s" }));
        _org.On("Create", "task", 20, (c, f, t) => seen = (c.UserId, c.InitiatingUserId));
        _org.GetService(caller).Create(new Entity("lead") { ["lastname"] = "x" });
        Assert.Equal((_org.SystemUserId, caller), seen);
    }

    [Fact]
    public void InvalidPluginExecutionException_reaches_the_caller_as_an_IsvAborted_fault_with_its_code_as_SubErrorCode_and_rolls_back()
    {
        _org.On("Create", "lead", 40, (c, f, t) => { t.Trace("checked"); throw new InvalidPluginExecutionException("Refused by rule"); });
        var fault = TestOrg.Fault(() => Service.Create(new Entity("lead") { ["lastname"] = "x" }));
        Assert.Equal(ErrorCodes.IsvAborted, fault.ErrorCode);
        Assert.Equal("Refused by rule", fault.Message);
        Assert.Equal(unchecked((int)0x80131500), fault.ErrorDetails[Faults.SubErrorCode]);
        Assert.Equal((int)OperationStatus.Failed, fault.ErrorDetails[Faults.OperationStatusDetail]);
        Assert.Contains("checked", fault.TraceText);
        Assert.Equal(0, _org.Store.CommittedCount("lead"));
    }

    [Fact]
    public void A_plugin_error_code_given_explicitly_travels_as_the_SubErrorCode()
    {
        _org.On("Create", "lead", 40, (c, f, t) => throw new InvalidPluginExecutionException(OperationStatus.Canceled, 12345, "custom"));
        var fault = TestOrg.Fault(() => Service.Create(new Entity("lead") { ["lastname"] = "x" }));
        Assert.Equal((ErrorCodes.IsvAborted, 12345, (int)OperationStatus.Canceled),
            (fault.ErrorCode, (int)fault.ErrorDetails[Faults.SubErrorCode], (int)fault.ErrorDetails[Faults.OperationStatusDetail]));
    }

    [Fact]
    public void A_nested_platform_fault_a_plugin_lets_through_keeps_its_own_code()
    {
        _org.On("Create", "lead", 40, (c, f, t) => f.CreateOrganizationService(null).Create(new Entity("task") { ["subject"] = new string('x', 300) }));
        var fault = TestOrg.Fault(() => Service.Create(new Entity("lead") { ["lastname"] = "x" }));
        Assert.Equal(ErrorCodes.MaxLengthExceeded, fault.ErrorCode);
        Assert.False(fault.ErrorDetails.ContainsKey(Faults.SubErrorCode));
    }

    [Fact]
    public void A_nested_plugin_error_reaches_the_outer_plugin_and_the_caller_as_the_same_IsvAborted_fault()
    {
        FaultException<OrganizationServiceFault>? seen = null;
        _org.On("Create", "lead", 40, (c, f, t) =>
        {
            try { f.CreateOrganizationService(null).Create(new Entity("task") { ["subject"] = "nested" }); }
            catch (FaultException<OrganizationServiceFault> e) { seen = e; throw; }
        });
        _org.On("Create", "task", 40, (c, f, t) => throw new InvalidPluginExecutionException(OperationStatus.Failed, 777, "deep"));
        var fault = TestOrg.Fault(() => Service.Create(new Entity("lead") { ["lastname"] = "x" }));
        Assert.NotNull(seen);
        Assert.Equal((ErrorCodes.IsvAborted, 777, "deep"), (fault.ErrorCode, (int)fault.ErrorDetails[Faults.SubErrorCode], fault.Message));
    }

    [Fact]
    public void A_throw_at_any_depth_rolls_back_everything_the_request_did()
    {
        _org.On("Create", "lead", 40, (c, f, t) => f.CreateOrganizationService(null).Create(new Entity("task") { ["subject"] = "nested" }));
        _org.On("Create", "task", 40, (c, f, t) => throw new InvalidPluginExecutionException("deep failure"));
        TestOrg.Fault(() => Service.Create(new Entity("lead") { ["lastname"] = "x" }));
        Assert.Equal(0, _org.Store.CommittedCount("lead"));
        Assert.Equal(0, _org.Store.CommittedCount("task"));
    }

    [Fact]
    public void A_swallowed_nested_failure_still_dooms_the_transaction()
    {
        _org.On("Create", "lead", 40, (c, f, t) =>
        {
            try { f.CreateOrganizationService(null).Create(new Entity("task") { ["subject"] = new string('x', 300) }); }
            catch (Exception) { /* swallowed, as the docs warn against */ }
        });
        var fault = TestOrg.Fault(() => Service.Create(new Entity("lead") { ["lastname"] = "x" }));
        Assert.Equal(ErrorCodes.NoActiveTransaction, fault.ErrorCode);
        Assert.Equal(0, _org.Store.CommittedCount("lead"));
    }

    [Fact]
    public void Async_steps_run_only_when_the_queue_is_drained_after_commit()
    {
        _org.On("Create", "lead", 40, (c, f, t) =>
            f.CreateOrganizationService(null).Update(new Entity("lead", c.PrimaryEntityId) { ["companyname"] = "async" }), mode: 1);
        var id = Service.Create(new Entity("lead") { ["lastname"] = "x" });
        Assert.False(Service.Retrieve("lead", id, new ColumnSet("companyname")).Contains("companyname"));
        Assert.Equal(1, _org.DrainAsyncQueue());
        Assert.Equal("async", Service.Retrieve("lead", id, new ColumnSet("companyname"))["companyname"]);
    }

    [Fact]
    public void Async_step_throwing_Retry_is_tried_four_times_then_Failed()
    {
        _org.On("Create", "lead", 40, (c, f, t) => throw new InvalidPluginExecutionException(OperationStatus.Retry, "try later"), mode: 1);
        var id = Service.Create(new Entity("lead") { ["lastname"] = "x" });
        Assert.Equal(4, _org.DrainAsyncQueue());
        var job = Assert.Single(_org.AsyncQueue.Jobs);
        Assert.Equal((4, 31), (job.Attempts, job.StatusCode));
        Assert.NotNull(Service.Retrieve("lead", id, new ColumnSet("lastname"))); // the trigger stays committed
    }

    [Fact]
    public void Unexpected_plugin_exception_becomes_an_IsvUnexpected_fault_with_trace()
    {
        _org.On("Create", "lead", 20, (c, f, t) => { t.Trace("about to fail"); throw new NullReferenceException("boom"); });
        var fault = TestOrg.Fault(() => Service.Create(new Entity("lead") { ["lastname"] = "x" }));
        Assert.Equal(ErrorCodes.IsvUnexpected, fault.ErrorCode);
        Assert.Contains("about to fail", fault.TraceText);
        Assert.Equal("Failed", Assert.Single(_org.Log.Entries).Outcome);
    }
}
