using System.ServiceModel;
using AdoptionCrm.Emulator.CustomApis;
using AdoptionCrm.Solution.Source;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests.CustomApis;

/// <summary>Custom APIs declared in a solution source (SolutionPackager layout) and executed through the pipeline.</summary>
public class CustomApiTests
{
    private readonly EmulatedOrganization _org = CustomApiFixture.Create();
    private IOrganizationService Service => _org.SystemService;

    [Fact]
    public void Custom_API_is_read_from_the_solution_source_with_its_parameters_and_properties()
    {
        var echo = Assert.Single(SolutionCustomApis.Load(CustomApiFixture.SourceDirectory), a => a.UniqueName == "test_Echo");
        Assert.Equal((CustomApiBinding.Global, false, CustomApiStepTypes.SyncAndAsync), (echo.Binding, echo.IsFunction, echo.AllowedCustomProcessingStepType));
        Assert.Equal(PluginTypeIds.Of(typeof(EchoPlugin).FullName!), echo.PluginTypeId);
        Assert.Equal(new[] { ("Account", CustomApiType.EntityReference, true), ("Text", CustomApiType.String, false), ("Times", CustomApiType.Integer, true) },
            echo.RequestParameters.Select(p => (p.UniqueName, p.Type, p.IsOptional)).OrderBy(p => p.UniqueName));
        Assert.Equal("account", echo.RequestParameters.Single(p => p.UniqueName == "Account").LogicalEntityName);
        Assert.Equal(new[] { ("Echoed", CustomApiType.String), ("Length", CustomApiType.Integer) },
            echo.ResponseProperties.Select(p => (p.UniqueName, p.Type)).OrderBy(p => p.UniqueName));
        var stamp = Assert.Single(SolutionCustomApis.Load(CustomApiFixture.SourceDirectory), a => a.UniqueName == "test_Stamp");
        Assert.Equal((CustomApiBinding.Entity, "account"), (stamp.Binding, stamp.BoundEntityLogicalName));
    }

    [Fact]
    public void Custom_API_runs_its_plugin_type_as_the_main_operation_and_answers_its_typed_response_properties()
    {
        var response = Service.Execute(new OrganizationRequest("test_Echo") { ["Text"] = "ab", ["Times"] = 3 });
        Assert.Equal("test_Echo", response.ResponseName);
        Assert.Equal("ababab", response.Results["Echoed"]);
        Assert.Equal(6, response.Results["Length"]);
        var main = Assert.Single(_org.Log.Entries, e => e.Plugin == typeof(EchoPlugin).FullName);
        Assert.Equal(("test_Echo", 30, 1, "Succeeded"), (main.Message, main.Stage, main.Depth, main.Outcome));
        Assert.Equal(1, _org.Store.CommittedCount("task")); // the plug-in's write committed with the request
    }

    [Fact]
    public void Custom_API_steps_run_at_stages_10_20_and_40_around_the_main_operation_and_stage_40_sees_the_outputs()
    {
        var order = new List<string>();
        _org.On("test_Echo", null!, 10, (c, f, t) => order.Add("10"));
        _org.On("test_Echo", null!, 20, (c, f, t) => { order.Add("20"); c.InputParameters["Times"] = 2; });
        _org.On("test_Echo", null!, 40, (c, f, t) => { order.Add("40:" + c.OutputParameters["Echoed"]); c.OutputParameters["Length"] = 99; });
        var response = Service.Execute(new OrganizationRequest("test_Echo") { ["Text"] = "x" });
        Assert.Equal(new[] { "10", "20", "40:xx" }, order); // stage 20's input edit reached the main operation
        Assert.Equal(99, response.Results["Length"]); // stage 40 may change the caller's response
    }

    [Fact]
    public void Custom_API_refuses_a_request_missing_a_required_parameter()
    {
        var fault = TestOrg.Fault(() => Service.Execute(new OrganizationRequest("test_Echo") { ["Times"] = 2 }));
        Assert.Equal(ErrorCodes.InvalidArgument, fault.ErrorCode);
        Assert.Contains("'Text'", fault.Message);
    }

    [Fact]
    public void Custom_API_refuses_a_parameter_of_the_wrong_type_or_table()
    {
        Assert.Contains("Integer", TestOrg.Fault(() => Service.Execute(new OrganizationRequest("test_Echo") { ["Text"] = "a", ["Times"] = "2" })).Message);
        Assert.Contains("must be a account", TestOrg.Fault(() => Service.Execute(new OrganizationRequest("test_Echo")
            { ["Text"] = "a", ["Account"] = new EntityReference("lead", Guid.NewGuid()) })).Message);
    }

    [Fact]
    public void Custom_API_refuses_an_undeclared_parameter()
    {
        var fault = TestOrg.Fault(() => Service.Execute(new OrganizationRequest("test_Echo") { ["Text"] = "a", ["Loud"] = true }));
        Assert.Contains("'Loud' is not a request parameter", fault.Message);
    }

    [Fact]
    public void Custom_API_output_that_is_undeclared_or_of_the_wrong_type_fails_the_request_and_rolls_back()
    {
        Assert.Contains("does not declare", TestOrg.Fault(() => Service.Execute(new OrganizationRequest("test_Echo") { ["Text"] = "undeclared" })).Message);
        Assert.Contains("must be Integer", TestOrg.Fault(() => Service.Execute(new OrganizationRequest("test_Echo") { ["Text"] = "mistyped" })).Message);
        Assert.Equal(0, _org.Store.CommittedCount("task"));
    }

    [Fact]
    public void Custom_API_plugin_error_reaches_the_caller_as_an_IsvAborted_fault_and_rolls_back_the_main_operation_writes()
    {
        var fault = TestOrg.Fault(() => Service.Execute(new OrganizationRequest("test_Echo") { ["Text"] = "fail" }));
        Assert.Equal((ErrorCodes.IsvAborted, 4242, "echo refused"), (fault.ErrorCode, (int)fault.ErrorDetails[Faults.SubErrorCode], fault.Message));
        Assert.Equal(0, _org.Store.CommittedCount("task"));
    }

    [Fact]
    public void Bound_custom_API_gets_its_row_as_Target_and_needs_an_existing_row_of_its_table()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var response = Service.Execute(new OrganizationRequest("test_Stamp") { ["Target"] = new EntityReference("account", account), ["Note"] = "hello" });
        Assert.Equal("hello", response.Results["Description"]);
        Assert.Equal("hello", Service.Retrieve("account", account, new ColumnSet("description"))["description"]);
        Assert.Contains("needs a Target", TestOrg.Fault(() => Service.Execute(new OrganizationRequest("test_Stamp"))).Message);
        Assert.Contains("not lead", TestOrg.Fault(() => Service.Execute(new OrganizationRequest("test_Stamp") { ["Target"] = new EntityReference("lead", Guid.NewGuid()) })).Message);
        Assert.Equal(ErrorCodes.ObjectDoesNotExist,
            TestOrg.Fault(() => Service.Execute(new OrganizationRequest("test_Stamp") { ["Target"] = new EntityReference("account", Guid.NewGuid()) })).ErrorCode);
    }

    [Fact]
    public void Custom_API_steps_on_a_bound_API_fire_for_its_table_with_the_row_as_primary_entity()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        Guid seen = Guid.Empty;
        _org.On("test_Stamp", "account", 40, (c, f, t) => seen = c.PrimaryEntityId);
        Service.Execute(new OrganizationRequest("test_Stamp") { ["Target"] = new EntityReference("account", account) });
        Assert.Equal(account, seen);
    }

    [Fact]
    public void Custom_API_allowing_async_steps_only_refuses_a_synchronous_step_and_runs_an_async_one()
    {
        _org.On("test_Ping", null!, 40, (c, f, t) => { }, mode: 1);
        var response = Service.Execute(new OrganizationRequest("test_Ping"));
        Assert.Equal(true, response.Results["Pong"]);
        Assert.Equal(1, _org.DrainAsyncQueue());
        _org.On("test_Ping", null!, 40, (c, f, t) => { });
        Assert.Contains("AsyncOnly", TestOrg.Fault(() => Service.Execute(new OrganizationRequest("test_Ping"))).Message);
    }

    [Fact]
    public void Custom_API_without_a_plugin_type_runs_only_its_steps_and_answers_no_properties()
    {
        var response = Service.Execute(new OrganizationRequest("test_Event") { ["Payload"] = "p" });
        Assert.Empty(response.Results);
    }

    [Fact]
    public void Custom_API_allowing_no_custom_steps_refuses_a_registered_step()
    {
        _org.On("test_Event", null!, 20, (c, f, t) => { });
        Assert.Contains("not allowed", TestOrg.Fault(() => Service.Execute(new OrganizationRequest("test_Event"))).Message);
    }

    [Fact]
    public void Custom_API_whose_plugin_type_is_not_registered_fails_clearly()
    {
        var options = new EmulatorOptions { RegisterShippedPlugins = false, LoadSolutionTables = false, LoadSolutionCustomApis = false };
        options.CustomApis.AddRange(SolutionCustomApis.Load(CustomApiFixture.SourceDirectory));
        var bare = EmulatedOrganization.Create(options);
        Assert.Contains("no registered plug-in assembly", TestOrg.Fault(() => bare.SystemService.Execute(new OrganizationRequest("test_Ping"))).Message);
    }

    [Fact]
    public void Custom_API_called_from_a_plugin_runs_nested_in_the_callers_transaction()
    {
        _org.On("Create", "account", 40, (c, f, t) => f.CreateOrganizationService(null).Execute(new OrganizationRequest("test_Echo") { ["Text"] = "fail" }));
        TestOrg.Fault(() => Service.Create(new Entity("account") { ["name"] = "x" }));
        Assert.Equal(0, _org.Store.CommittedCount("account"));
        var main = Assert.Single(_org.Log.Entries, e => e.Plugin == typeof(EchoPlugin).FullName);
        Assert.Equal(2, main.Depth);
    }
}
