using AdoptionCrm.Emulator.Lifecycle;
using AdoptionCrm.Solution.Source;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests;

/// <summary>State and lifecycle: SetState, the Update split, QualifyLead, Merge and relationship cascades, with their switches.</summary>
public class LifecycleTests
{
    private readonly EmulatedOrganization _org = TestOrg.Create();
    private IOrganizationService Service => _org.SystemService;

    private List<string> Record(params string[] messages)
    {
        var fired = new List<string>();
        foreach (var message in messages)
            foreach (var stage in new[] { 10, 20, 40 })
            {
                var s = stage;
                _org.On(message, "lead", s, (c, f, t) =>
                    fired.Add($"{c.MessageName}@{s}:" + (c.InputParameters.TryGetValue("Target", out var target) && target is Entity e ? string.Join("+", e.Attributes.Keys.OrderBy(k => k)) : "")));
            }
        return fired;
    }

    private Entity Lead(Guid id) => Service.Retrieve("lead", id, new ColumnSet(true));
    private static int State(Entity row) => row.GetAttributeValue<OptionSetValue>("statecode").Value;
    private static int Status(Entity row) => row.GetAttributeValue<OptionSetValue>("statuscode").Value;

    [Fact]
    public void SetState_fires_SetState_SetStateDynamicEntity_and_Update_steps_by_default()
    {
        var lead = Service.Create(new Entity("lead") { ["lastname"] = "x" });
        var fired = Record("SetState", "SetStateDynamicEntity", "Update");
        Service.Execute(new SetStateRequest { EntityMoniker = new EntityReference("lead", lead), State = new OptionSetValue(2), Status = new OptionSetValue(6) });
        Assert.Equal((2, 6), (State(Lead(lead)), Status(Lead(lead))));
        Assert.Contains("SetState@20:", fired);
        Assert.Contains("SetStateDynamicEntity@40:", fired);
        Assert.Contains("Update@40:statecode+statuscode", fired);
    }

    [Fact]
    public void SetState_fires_only_the_messages_the_switch_names()
    {
        _org.Lifecycle.SetStateFires = StateChangeSteps.SetStateDynamicEntity;
        var lead = Service.Create(new Entity("lead") { ["lastname"] = "x" });
        var fired = Record("SetState", "SetStateDynamicEntity", "Update");
        Service.Execute(new SetStateRequest { EntityMoniker = new EntityReference("lead", lead), State = new OptionSetValue(2), Status = new OptionSetValue(-1) });
        Assert.Equal(new[] { "SetStateDynamicEntity@10:", "SetStateDynamicEntity@20:", "SetStateDynamicEntity@40:" }, fired);
        Assert.Equal(4, Status(Lead(lead))); // -1: the state's default status (Lost)
    }

    [Fact]
    public void SetStateDynamicEntity_request_changes_the_state_like_SetState()
    {
        var lead = Service.Create(new Entity("lead") { ["lastname"] = "x" });
        Service.Execute(new OrganizationRequest("SetStateDynamicEntity") { ["EntityMoniker"] = new EntityReference("lead", lead), ["State"] = new OptionSetValue(2), ["Status"] = new OptionSetValue(5) });
        Assert.Equal((2, 5), (State(Lead(lead)), Status(Lead(lead))));
    }

    [Fact]
    public void Update_carrying_statecode_and_other_columns_runs_PreOperation_and_PostOperation_steps_twice_as_documented()
    {
        var lead = Service.Create(new Entity("lead") { ["lastname"] = "x" });
        var fired = Record("Update");
        Service.Update(new Entity("lead", lead) { ["lastname"] = "y", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(5) });
        Assert.Equal(new[]
        {
            "Update@10:lastname+statecode+statuscode",
            "Update@20:lastname", "Update@40:lastname",
            "Update@20:statecode+statuscode", "Update@40:statecode+statuscode",
        }, fired);
        var row = Lead(lead);
        Assert.Equal(("y", 2, 5), (row["lastname"], State(row), Status(row)));
    }

    [Fact]
    public void Update_of_state_can_be_switched_to_also_fire_SetState_steps()
    {
        _org.Lifecycle.UpdateOfStateFires = StateChangeSteps.SetState;
        var lead = Service.Create(new Entity("lead") { ["lastname"] = "x" });
        var fired = Record("SetState", "Update");
        Service.Update(new Entity("lead", lead) { ["statecode"] = new OptionSetValue(2) });
        Assert.Contains("SetState@20:", fired);
        Assert.Contains("Update@20:statecode", fired); // Update's own steps fire whatever the switch says
    }

    [Fact]
    public void QualifyLead_creates_account_contact_and_opportunity_by_its_parameters_and_qualifies_the_lead()
    {
        var lead = Service.Create(new Entity("lead") { ["firstname"] = "Ann", ["lastname"] = "Lee", ["companyname"] = "Contoso", ["emailaddress1"] = "ann@contoso.com", ["subject"] = "Pilot" });
        var created = new List<string>();
        foreach (var table in new[] { "account", "contact", "opportunity" }) _org.On("Create", table, 40, (c, f, t) => created.Add(c.PrimaryEntityName));
        var response = (QualifyLeadResponse)Service.Execute(new QualifyLeadRequest
        {
            LeadId = new EntityReference("lead", lead), CreateAccount = true, CreateContact = true, CreateOpportunity = true, Status = new OptionSetValue(3),
        });
        Assert.Equal(new[] { "account", "contact", "opportunity" }, response.CreatedEntities.Select(r => r.LogicalName));
        Assert.Equal(new[] { "account", "contact", "opportunity" }, created); // through Create, so Create steps fire
        var account = response.CreatedEntities[0].Id;
        Assert.Equal("Contoso", Service.Retrieve("account", account, new ColumnSet("name"))["name"]);
        var contact = Service.Retrieve("contact", response.CreatedEntities[1].Id, new ColumnSet(true));
        Assert.Equal(("Ann", account), (contact["firstname"], contact.GetAttributeValue<EntityReference>("parentcustomerid").Id));
        var opportunity = Service.Retrieve("opportunity", response.CreatedEntities[2].Id, new ColumnSet(true));
        Assert.Equal(("Pilot", account, lead), (opportunity["name"], opportunity.GetAttributeValue<EntityReference>("customerid").Id, opportunity.GetAttributeValue<EntityReference>("originatingleadid").Id));
        var row = Lead(lead);
        Assert.Equal((1, 3, account), (State(row), Status(row), row.GetAttributeValue<EntityReference>("parentaccountid").Id));
    }

    [Fact]
    public void QualifyLead_uses_the_leads_existing_account_instead_of_creating_one()
    {
        var existing = Service.Create(new Entity("account") { ["name"] = "Known" });
        var lead = Service.Create(new Entity("lead") { ["lastname"] = "Lee", ["companyname"] = "Contoso", ["parentaccountid"] = new EntityReference("account", existing) });
        var response = (QualifyLeadResponse)Service.Execute(new QualifyLeadRequest { LeadId = new EntityReference("lead", lead), CreateAccount = true, CreateOpportunity = true, Status = new OptionSetValue(3) });
        Assert.Equal(new[] { "opportunity" }, response.CreatedEntities.Select(r => r.LogicalName));
        Assert.Equal(1, _org.Store.CommittedCount("account"));
        Assert.Equal(existing, Service.Retrieve("opportunity", response.CreatedEntities[0].Id, new ColumnSet("customerid")).GetAttributeValue<EntityReference>("customerid").Id);
    }

    [Fact]
    public void QualifyLead_refuses_a_closed_lead_or_an_account_without_company_name_and_rolls_back()
    {
        var lead = Service.Create(new Entity("lead") { ["lastname"] = "Lee" });
        TestOrg.Fault(() => Service.Execute(new QualifyLeadRequest { LeadId = new EntityReference("lead", lead), CreateContact = true, CreateAccount = true, Status = new OptionSetValue(3) }));
        Assert.Equal(0, _org.Store.CommittedCount("contact"));
        Service.Execute(new QualifyLeadRequest { LeadId = new EntityReference("lead", lead), Status = new OptionSetValue(3) });
        Assert.Contains("not open", TestOrg.Fault(() => Service.Execute(new QualifyLeadRequest { LeadId = new EntityReference("lead", lead), Status = new OptionSetValue(3) })).Message);
    }

    [Fact]
    public void QualifyLead_state_change_fires_the_internal_state_change_switch()
    {
        var lead = Service.Create(new Entity("lead") { ["lastname"] = "Lee" });
        var fired = Record("SetState", "Update", "QualifyLead");
        _org.Lifecycle.InternalStateChangeFires = StateChangeSteps.None;
        Service.Execute(new QualifyLeadRequest { LeadId = new EntityReference("lead", lead), Status = new OptionSetValue(3) });
        Assert.Equal(new[] { "QualifyLead@10:", "QualifyLead@20:", "QualifyLead@40:" }, fired);
        Assert.Equal(1, State(Lead(lead)));
    }

    [Fact]
    public void Merge_of_accounts_reparents_the_subordinates_children_applies_UpdateContent_and_deactivates_it()
    {
        var master = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var subordinate = Service.Create(new Entity("account") { ["name"] = "Contoso Ltd" });
        var lead = Service.Create(new Entity("lead") { ["lastname"] = "x", ["parentaccountid"] = new EntityReference("account", subordinate) });
        var contact = Service.Create(new Entity("contact") { ["lastname"] = "c", ["parentcustomerid"] = new EntityReference("account", subordinate) });
        var leadUpdates = 0;
        _org.On("Update", "lead", 40, (c, f, t) => leadUpdates++);
        Service.Execute(new MergeRequest { Target = new EntityReference("account", master), SubordinateId = subordinate, UpdateContent = new Entity("account") { ["accountnumber"] = "M-1" } });
        Assert.Equal(master, Lead(lead).GetAttributeValue<EntityReference>("parentaccountid").Id); // lead_parent_account: Merge Cascade
        Assert.Equal(master, Service.Retrieve("contact", contact, new ColumnSet("parentcustomerid")).GetAttributeValue<EntityReference>("parentcustomerid").Id);
        Assert.Equal("M-1", Service.Retrieve("account", master, new ColumnSet("accountnumber"))["accountnumber"]);
        Assert.Equal(1, State(Service.Retrieve("account", subordinate, new ColumnSet("statecode"))));
        Assert.Equal(1, leadUpdates);
    }

    [Fact]
    public void Merge_reparenting_can_be_switched_to_fire_no_child_steps()
    {
        _org.Lifecycle.CascadesFireSteps = false;
        var master = Service.Create(new Entity("account") { ["name"] = "A" });
        var subordinate = Service.Create(new Entity("account") { ["name"] = "B" });
        var lead = Service.Create(new Entity("lead") { ["lastname"] = "x", ["parentaccountid"] = new EntityReference("account", subordinate) });
        var leadUpdates = 0;
        _org.On("Update", "lead", 40, (c, f, t) => leadUpdates++);
        Service.Execute(new MergeRequest { Target = new EntityReference("account", master), SubordinateId = subordinate });
        Assert.Equal(master, Lead(lead).GetAttributeValue<EntityReference>("parentaccountid").Id);
        Assert.Equal(0, leadUpdates);
    }

    [Fact]
    public void Merge_of_leads_disqualifies_the_subordinate_and_of_contacts_deactivates_it()
    {
        var a = Service.Create(new Entity("lead") { ["lastname"] = "a" });
        var b = Service.Create(new Entity("lead") { ["lastname"] = "b" });
        Service.Execute(new MergeRequest { Target = new EntityReference("lead", a), SubordinateId = b });
        Assert.Equal((2, 7), (State(Lead(b)), Status(Lead(b))));
        var c1 = Service.Create(new Entity("contact") { ["lastname"] = "c1" });
        var c2 = Service.Create(new Entity("contact") { ["lastname"] = "c2" });
        Service.Execute(new MergeRequest { Target = new EntityReference("contact", c1), SubordinateId = c2 });
        Assert.Equal(1, State(Service.Retrieve("contact", c2, new ColumnSet("statecode"))));
    }

    [Fact]
    public void Merge_with_parenting_checks_refuses_rows_with_different_parents_and_other_tables()
    {
        var p1 = Service.Create(new Entity("account") { ["name"] = "P1" });
        var a = Service.Create(new Entity("lead") { ["lastname"] = "a", ["parentaccountid"] = new EntityReference("account", p1) });
        var b = Service.Create(new Entity("lead") { ["lastname"] = "b" });
        Assert.Contains("different parents", TestOrg.Fault(() => Service.Execute(new MergeRequest { Target = new EntityReference("lead", a), SubordinateId = b, PerformParentingChecks = true })).Message);
        Assert.Equal(0, State(Lead(b)));
        var task = Service.Create(new Entity("task") { ["subject"] = "t" });
        Assert.Contains("not supported", TestOrg.Fault(() => Service.Execute(new MergeRequest { Target = new EntityReference("task", task), SubordinateId = Guid.NewGuid() })).Message);
    }

    [Fact]
    public void Delete_cascades_per_relationship_RemoveLink_clears_leads_Cascade_deletes_contacts_and_tasks()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "Gone" });
        var lead = Service.Create(new Entity("lead") { ["lastname"] = "x", ["parentaccountid"] = new EntityReference("account", account) });
        Service.Create(new Entity("contact") { ["lastname"] = "c", ["parentcustomerid"] = new EntityReference("account", account) });
        Service.Create(new Entity("task") { ["subject"] = "t", ["regardingobjectid"] = new EntityReference("account", account) });
        Service.Delete("account", account);
        Assert.Null(Lead(lead).GetAttributeValue<EntityReference>("parentaccountid"));
        Assert.Equal((0, 0), (_org.Store.CommittedCount("contact"), _org.Store.CommittedCount("task")));
    }

    [Fact]
    public void Delete_restricted_by_a_relationship_is_refused_while_children_exist()
    {
        var options = new EmulatorOptions { LoadSolutionTables = false };
        options.Relationships.Add(new RelationshipCascade("test_restrict", "task", "regardingobjectid", "contact",
            CascadeType.Restrict, CascadeType.NoCascade, CascadeType.NoCascade, CascadeType.NoCascade));
        var org = EmulatedOrganization.Create(options);
        var contact = org.SystemService.Create(new Entity("contact") { ["lastname"] = "c" });
        org.SystemService.Create(new Entity("task") { ["subject"] = "t", ["regardingobjectid"] = new EntityReference("contact", contact) });
        Assert.Contains("restricts delete", TestOrg.Fault(() => org.SystemService.Delete("contact", contact)).Message);
        Assert.Equal(1, org.Store.CommittedCount("contact"));
    }

    [Fact]
    public void Assign_cascades_to_children_of_parental_relationships()
    {
        var rep = _org.CreateUser("Rita", "Rep");
        var account = Service.Create(new Entity("account") { ["name"] = "A" });
        var task = Service.Create(new Entity("task") { ["subject"] = "t", ["regardingobjectid"] = new EntityReference("account", account) });
        var lead = Service.Create(new Entity("lead") { ["lastname"] = "x", ["parentaccountid"] = new EntityReference("account", account) });
        Service.Execute(new AssignRequest { Target = new EntityReference("account", account), Assignee = new EntityReference("systemuser", rep) });
        Assert.Equal(rep, Service.Retrieve("task", task, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id); // Account_Tasks: Assign Cascade
        Assert.NotEqual(rep, Lead(lead).GetAttributeValue<EntityReference>("ownerid").Id); // lead_parent_account: NoCascade
    }

    [Fact]
    public void Solution_relationships_are_read_with_their_cascade_configuration()
    {
        var rule = Assert.Single(SolutionRelationships.LoadEmbedded(), r => r.Name == "adopt_account_adopt_accountdomain_accountid");
        Assert.Equal(("adopt_accountdomain", "account", CascadeType.Cascade, CascadeType.NoCascade), (rule.ReferencingEntity, rule.ReferencedEntity, rule.Delete, rule.Assign));
    }
}
