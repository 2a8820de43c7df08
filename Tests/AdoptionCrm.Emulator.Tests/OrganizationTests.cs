using AdoptionCrm.Emulator;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests;

public class OrganizationTests
{
    [Fact]
    public void WhoAmI_returns_the_user_the_service_acts_as()
    {
        var org = TestOrg.Create();
        var user = org.CreateUser("Ada", "Lovelace");
        var response = org.GetService(user).Execute(new OrganizationRequest("WhoAmI"));
        Assert.Equal(user, response.Results["UserId"]);
        Assert.Equal(org.RootBusinessUnitId, response.Results["BusinessUnitId"]);
        Assert.Equal(org.SystemUserId, org.SystemService.Execute(new OrganizationRequest("WhoAmI")).Results["UserId"]);
    }

    [Fact]
    public void Factory_CreateOrganizationService_null_is_SYSTEM()
    {
        var org = TestOrg.Create();
        var service = org.ServiceFactory.CreateOrganizationService(null);
        Assert.Equal(org.SystemUserId, service.Execute(new OrganizationRequest("WhoAmI")).Results["UserId"]);
    }

    [Fact]
    public void User_team_queue_and_business_unit_helpers_create_rows()
    {
        var org = TestOrg.Create();
        var bu = org.CreateBusinessUnit("Sales");
        var user = org.CreateUser("Grace", "Hopper", bu);
        var team = org.CreateTeam("Inside sales", bu);
        var queue = org.CreateQueue("Signups", "signups@example.com");
        var service = org.SystemService;
        Assert.Equal("Grace Hopper", service.Retrieve("systemuser", user, new ColumnSet("fullname")).GetAttributeValue<string>("fullname"));
        Assert.Equal(bu, service.Retrieve("team", team, new ColumnSet("businessunitid")).GetAttributeValue<EntityReference>("businessunitid").Id);
        Assert.Equal("Signups", service.Retrieve("queue", queue, new ColumnSet("name")).GetAttributeValue<string>("name"));
        Assert.Equal(bu, org.GetService(user).Execute(new OrganizationRequest("WhoAmI")).Results["BusinessUnitId"]);
    }

    [Fact]
    public void Clock_set_by_the_caller_stamps_createdon_and_modifiedon()
    {
        var org = TestOrg.Create();
        var start = new DateTime(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        org.Clock.Set(start);
        var id = org.SystemService.Create(new Entity("lead") { ["lastname"] = "Clock" });
        org.Clock.Advance(TimeSpan.FromHours(2));
        org.SystemService.Update(new Entity("lead", id) { ["firstname"] = "Tick" });
        var lead = org.SystemService.Retrieve("lead", id, new ColumnSet("createdon", "modifiedon"));
        Assert.Equal(start, lead.GetAttributeValue<DateTime>("createdon"));
        Assert.Equal(start.AddHours(2), lead.GetAttributeValue<DateTime>("modifiedon"));
    }

    [Fact]
    public void Create_defaults_owner_business_unit_state_and_status_from_the_caller()
    {
        var org = TestOrg.Create();
        var user = org.CreateUser("Alan", "Turing");
        var id = org.GetService(user).Create(new Entity("lead") { ["lastname"] = "Owner" });
        var lead = org.SystemService.Retrieve("lead", id, new ColumnSet(true));
        Assert.Equal(user, lead.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.Equal(user, lead.GetAttributeValue<EntityReference>("createdby").Id);
        Assert.Equal(org.RootBusinessUnitId, lead.GetAttributeValue<EntityReference>("owningbusinessunit").Id);
        Assert.Equal(0, lead.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.Equal(1, lead.GetAttributeValue<OptionSetValue>("statuscode").Value);
        Assert.Equal(2, lead.GetAttributeValue<OptionSetValue>("leadqualitycode").Value); // Warm is the default
    }
}
