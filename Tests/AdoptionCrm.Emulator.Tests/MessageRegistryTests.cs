using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace AdoptionCrm.Emulator.Tests;

/// <summary>The message registry: one handler per message, typed requests, plain and typed requests alike.</summary>
public class MessageRegistryTests
{
    private readonly EmulatedOrganization _org = TestOrg.Create();

    [Fact]
    public void A_plain_OrganizationRequest_and_the_SDK_typed_request_reach_the_same_handler()
    {
        var plain = (Guid)_org.SystemService.Execute(new OrganizationRequest("Create") { ["Target"] = new Entity("account") { ["name"] = "a" } }).Results["id"];
        var typed = ((CreateResponse)_org.SystemService.Execute(new CreateRequest { Target = new Entity("account") { ["name"] = "b" } })).id;
        Assert.NotEqual(plain, typed);
        Assert.Equal(2, _org.Store.CommittedCount("account"));
    }

    [Fact]
    public void A_parameter_of_the_wrong_type_is_the_callers_InvalidArgument_fault()
    {
        var fault = TestOrg.Fault(() => _org.SystemService.Execute(new OrganizationRequest("Create") { ["Target"] = new EntityReference("account", Guid.NewGuid()) }));
        Assert.Equal(ErrorCodes.InvalidArgument, fault.ErrorCode);
        var state = TestOrg.Fault(() => _org.SystemService.Execute(new OrganizationRequest("SetState") { ["EntityMoniker"] = "not a reference" }));
        Assert.Equal(ErrorCodes.InvalidArgument, state.ErrorCode);
    }

    [Fact]
    public void A_missing_required_parameter_names_it()
    {
        Assert.Contains("needs an Assignee", TestOrg.Fault(() => _org.SystemService.Execute(new AssignRequest { Target = new EntityReference("account", Guid.NewGuid()) })).Message);
    }
}
