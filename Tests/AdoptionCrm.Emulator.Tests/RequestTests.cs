using AdoptionCrm.Emulator;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests;

public class RequestTests
{
    private readonly EmulatedOrganization _org = TestOrg.Create();
    private IOrganizationService Service => _org.SystemService;

    [Fact]
    public void Retrieve_returns_only_the_ColumnSet_with_formatted_values_and_reference_names()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var lead = Service.Create(new Entity("lead") { ["lastname"] = "L", ["companyname"] = "C", ["leadsourcecode"] = new OptionSetValue(8), ["parentaccountid"] = new EntityReference("account", account) });
        var row = Service.Retrieve("lead", lead, new ColumnSet("leadsourcecode", "parentaccountid"));
        Assert.False(row.Contains("companyname"));
        Assert.Equal("Web", row.FormattedValues["leadsourcecode"]);
        Assert.Equal("Contoso", row.GetAttributeValue<EntityReference>("parentaccountid").Name);
    }

    [Fact]
    public void Retrieve_and_RetrieveMultiple_give_the_same_formatted_values()
    {
        // With the solution's tables, for a boolean column with its own labels (adopt_autocreated).
        var service = EmulatedOrganization.Create(new EmulatorOptions { RegisterShippedPlugins = false }).SystemService;
        var account = service.Create(new Entity("account")
        {
            ["name"] = "Contoso", ["revenue"] = new Money(1234.5m), ["adopt_autocreated"] = true,
        });
        var columns = new[] { "revenue", "adopt_autocreated" };
        var retrieved = service.Retrieve("account", account, new ColumnSet(columns));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet(columns) };
        query.Criteria.AddCondition("accountid", ConditionOperator.Equal, account);
        var listed = Assert.Single(service.RetrieveMultiple(query).Entities);
        Assert.Equal("1,234.50", retrieved.FormattedValues["revenue"]);
        foreach (var column in columns)
            Assert.Equal(listed.FormattedValues[column], retrieved.FormattedValues[column]);
    }

    [Fact]
    public void Retrieve_of_a_missing_row_faults_with_does_not_exist()
    {
        var id = Guid.NewGuid();
        var fault = TestOrg.Fault(() => Service.Retrieve("lead", id, new ColumnSet(true)));
        Assert.Equal(ErrorCodes.ObjectDoesNotExist, fault.ErrorCode);
    }

    [Fact]
    public void Update_writes_only_the_columns_sent()
    {
        var id = Service.Create(new Entity("lead") { ["firstname"] = "Ann", ["lastname"] = "Lee", ["companyname"] = "Acme" });
        Service.Update(new Entity("lead", id) { ["companyname"] = "Globex" });
        var row = Service.Retrieve("lead", id, new ColumnSet(true));
        Assert.Equal("Ann", row["firstname"]);
        Assert.Equal("Globex", row["companyname"]);
        Assert.Equal("Ann Lee", row["fullname"]);

        // The full name follows either name part when it is sent, and only then.
        Service.Update(new Entity("lead", id) { ["lastname"] = "Smith" });
        Assert.Equal("Ann Smith", Service.Retrieve("lead", id, new ColumnSet("fullname"))["fullname"]);
        Service.Update(new Entity("lead", id) { ["firstname"] = null });
        Assert.Equal("Smith", Service.Retrieve("lead", id, new ColumnSet("fullname"))["fullname"]);
        Service.Update(new Entity("lead", id) { ["statecode"] = new OptionSetValue(0) });
        Assert.Equal("Smith", Service.Retrieve("lead", id, new ColumnSet("fullname"))["fullname"]);
    }

    [Fact]
    public void Update_without_id_faults()
    {
        var fault = TestOrg.Fault(() => Service.Update(new Entity("lead") { ["lastname"] = "x" }));
        Assert.Equal("Entity Id must be specified for Update", fault.Message);
    }

    [Fact]
    public void Delete_removes_the_row()
    {
        var id = Service.Create(new Entity("lead") { ["lastname"] = "x" });
        Service.Delete("lead", id);
        Assert.Equal(ErrorCodes.ObjectDoesNotExist, TestOrg.Fault(() => Service.Retrieve("lead", id, new ColumnSet(true))).ErrorCode);
        Assert.Equal(ErrorCodes.ObjectDoesNotExist, TestOrg.Fault(() => Service.Delete("lead", id)).ErrorCode);
    }

    [Fact]
    public void Upsert_creates_when_the_key_is_new_then_updates_by_key()
    {
        var first = Service.Execute(new OrganizationRequest("Upsert") { ["Target"] = new Entity("account", "accountnumber", "K-1") { ["name"] = "One" } });
        Assert.True((bool)first.Results["RecordCreated"]);
        var id = ((EntityReference)first.Results["Target"]).Id;
        var second = Service.Execute(new OrganizationRequest("Upsert") { ["Target"] = new Entity("account", "accountnumber", "K-1") { ["name"] = "Two" } });
        Assert.False((bool)second.Results["RecordCreated"]);
        Assert.Equal(id, ((EntityReference)second.Results["Target"]).Id);
        var row = Service.Retrieve("account", id, new ColumnSet("name", "accountnumber"));
        Assert.Equal("Two", row["name"]);
        Assert.Equal("K-1", row["accountnumber"]);
    }

    [Fact]
    public void Retrieve_by_alternate_key_finds_the_row()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Keyed", ["accountnumber"] = "AK-9" });
        var response = Service.Execute(new OrganizationRequest("Retrieve") { ["Target"] = new EntityReference("account", "accountnumber", "AK-9"), ["ColumnSet"] = new ColumnSet("name") });
        var row = (Entity)response.Results["Entity"];
        Assert.Equal(id, row.Id);
        Assert.Equal("Keyed", row["name"]);
    }

    [Fact]
    public void Assign_changes_the_owner()
    {
        var user = _org.CreateUser("New", "Owner");
        var id = Service.Create(new Entity("lead") { ["lastname"] = "x" });
        Service.Execute(new OrganizationRequest("Assign") { ["Target"] = new EntityReference("lead", id), ["Assignee"] = new EntityReference("systemuser", user) });
        Assert.Equal(user, Service.Retrieve("lead", id, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id);
    }

    [Fact]
    public void SetState_sets_a_valid_pair_and_refuses_a_mismatched_one()
    {
        var id = Service.Create(new Entity("lead") { ["lastname"] = "x" });
        Service.Execute(new OrganizationRequest("SetState") { ["EntityMoniker"] = new EntityReference("lead", id), ["State"] = new OptionSetValue(2), ["Status"] = new OptionSetValue(4) });
        var row = Service.Retrieve("lead", id, new ColumnSet("statecode", "statuscode"));
        Assert.Equal(2, row.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.Equal(4, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
        var fault = TestOrg.Fault(() => Service.Execute(new OrganizationRequest("SetState") { ["EntityMoniker"] = new EntityReference("lead", id), ["State"] = new OptionSetValue(1), ["Status"] = new OptionSetValue(1) }));
        Assert.Equal(ErrorCodes.InvalidStateStatus, fault.ErrorCode);
    }

    [Fact]
    public void Associate_and_Disassociate_maintain_the_intersect_and_check_rows_exist()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "A" });
        var contact = Service.Create(new Entity("contact") { ["lastname"] = "C" });
        var relationship = new Relationship("new_account_contact");
        Service.Associate("account", account, relationship, new EntityReferenceCollection { new EntityReference("contact", contact) });
        var link = AdoptionCrm.Emulator.Storage.IntersectLinks.Normalize("new_account_contact", new EntityReference("contact", contact), new EntityReference("account", account));
        Assert.True(_org.Store.IsLinked(null, link));
        Service.Disassociate("account", account, relationship, new EntityReferenceCollection { new EntityReference("contact", contact) });
        Assert.False(_org.Store.IsLinked(null, link));
        Assert.Equal(ErrorCodes.ObjectDoesNotExist, TestOrg.Fault(() =>
            Service.Associate("account", account, relationship, new EntityReferenceCollection { new EntityReference("contact", Guid.NewGuid()) })).ErrorCode);
    }

    [Fact]
    public void Unknown_request_faults_as_not_emulated()
    {
        var fault = TestOrg.Fault(() => Service.Execute(new OrganizationRequest("CalculateRollupField")));
        Assert.Equal("not emulated: CalculateRollupField", fault.Message);
    }

    [Fact]
    public void Deep_copies_keep_caller_objects_and_stored_rows_apart()
    {
        var input = new Entity("lead") { ["lastname"] = "Before" };
        var id = Service.Create(input);
        Assert.Equal(Guid.Empty, input.Id); // the caller's object is not touched
        input["lastname"] = "Mutated by caller";
        var first = Service.Retrieve("lead", id, new ColumnSet("lastname", "ownerid"));
        first["lastname"] = "Mutated result";
        first.GetAttributeValue<EntityReference>("ownerid").Id = Guid.NewGuid();
        var second = Service.Retrieve("lead", id, new ColumnSet("lastname", "ownerid"));
        Assert.Equal("Before", second["lastname"]);
        Assert.Equal(_org.SystemUserId, second.GetAttributeValue<EntityReference>("ownerid").Id);

        // Query results too, linked values included: each call builds its own.
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname", "ownerid", "statecode") };
        query.Criteria.AddCondition("leadid", ConditionOperator.Equal, id);
        query.AddLink("systemuser", "ownerid", "systemuserid", JoinOperator.LeftOuter).Columns = new ColumnSet("fullname");
        query.LinkEntities[0].EntityAlias = "u";
        var page = Service.RetrieveMultiple(query);
        var row = Assert.Single(page.Entities);
        row["lastname"] = "Mutated row";
        row.GetAttributeValue<EntityReference>("ownerid").Id = Guid.NewGuid();
        row.GetAttributeValue<OptionSetValue>("statecode").Value = 2;
        var fullName = row.GetAttributeValue<AliasedValue>("u.fullname").Value;
        page.Entities.Clear();
        var again = Assert.Single(Service.RetrieveMultiple(query).Entities);
        Assert.NotSame(row, again);
        Assert.Equal("Before", again["lastname"]);
        Assert.Equal(_org.SystemUserId, again.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.Equal(0, again.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.Equal(fullName, again.GetAttributeValue<AliasedValue>("u.fullname").Value);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Query_rows_carry_the_RowVersion_a_Retrieve_gives_unless_the_emulator_is_told_they_do_not(bool carry)
    {
        var org = EmulatedOrganization.Create(new EmulatorOptions { QueryRowsCarryRowVersion = carry });
        var id = org.SystemService.Create(new Entity("lead") { ["lastname"] = "Row" });
        var retrieved = org.SystemService.Retrieve("lead", id, new ColumnSet("lastname"));
        var row = Assert.Single(org.SystemService.RetrieveMultiple(new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") }).Entities);
        Assert.False(string.IsNullOrEmpty(retrieved.RowVersion));
        Assert.Equal(carry ? retrieved.RowVersion : null, row.RowVersion);
    }

    [Fact]
    public void Created_rows_get_distinct_version_4_ids()
    {
        var ids = Enumerable.Range(0, 5_000).Select(i => Service.Create(new Entity("lead") { ["lastname"] = "n" + i })).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal('4', id.ToString()[14]));
        Assert.All(ids, id => Assert.Contains(id.ToString()[19], "89ab"));
    }

    [Fact]
    public void CreateMultiple_creates_every_target_and_returns_Ids()
    {
        var targets = new EntityCollection(new List<Entity> { new("lead") { ["lastname"] = "a" }, new("lead") { ["lastname"] = "b" } }) { EntityName = "lead" };
        var ids = (Guid[])Service.Execute(new OrganizationRequest("CreateMultiple") { ["Targets"] = targets }).Results["Ids"];
        Assert.Equal(2, ids.Length);
        Assert.Equal("b", Service.Retrieve("lead", ids[1], new ColumnSet("lastname"))["lastname"]);
    }
}
