using AdoptionCrm.Emulator;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Tests;

public class ValidationTests
{
    private readonly EmulatedOrganization _org = TestOrg.Create();
    private IOrganizationService Service => _org.SystemService;

    [Fact]
    public void Unknown_table_faults()
    {
        var fault = TestOrg.Fault(() => Service.Create(new Entity("new_nosuchtable")));
        Assert.Equal(ErrorCodes.QueryBuilderNoEntity, fault.ErrorCode);
        Assert.Contains("new_nosuchtable", fault.Message);
    }

    [Fact]
    public void Unknown_column_faults()
    {
        var fault = TestOrg.Fault(() => Service.Create(new Entity("lead") { ["lastname"] = "x", ["new_nosuchcolumn"] = "y" }));
        Assert.Equal(ErrorCodes.QueryBuilderNoAttribute, fault.ErrorCode);
        Assert.Contains("'lead' entity doesn't contain attribute with Name = 'new_nosuchcolumn'", fault.Message);
    }

    [Fact]
    public void Wrong_clr_type_for_a_column_faults()
    {
        var fault = TestOrg.Fault(() => Service.Create(new Entity("lead") { ["leadsourcecode"] = 8 }));
        Assert.Equal(ErrorCodes.InvalidArgument, fault.ErrorCode);
        Assert.Contains("OptionSetValue", fault.Message);
    }

    [Fact]
    public void String_over_max_length_faults()
    {
        var fault = TestOrg.Fault(() => Service.Create(new Entity("lead") { ["firstname"] = new string('a', 51) }));
        Assert.Equal(ErrorCodes.MaxLengthExceeded, fault.ErrorCode);
        Assert.Contains("exceeded the maximum allowed length of '50'", fault.Message);
    }

    [Fact]
    public void Memo_over_max_length_faults()
    {
        var fault = TestOrg.Fault(() => Service.Create(new Entity("lead") { ["description"] = new string('a', 2001) }));
        Assert.Equal(ErrorCodes.MaxLengthExceeded, fault.ErrorCode);
    }

    [Fact]
    public void Option_value_not_in_the_choice_faults()
    {
        var fault = TestOrg.Fault(() => Service.Create(new Entity("lead") { ["leadsourcecode"] = new OptionSetValue(99) }));
        Assert.Equal(ErrorCodes.ValueOutOfRange, fault.ErrorCode);
        Assert.Contains("99", fault.Message);
    }

    [Fact]
    public void State_and_status_that_do_not_pair_fault()
    {
        var fault = TestOrg.Fault(() => Service.Create(new Entity("lead") { ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(4) }));
        Assert.Equal(ErrorCodes.InvalidStateStatus, fault.ErrorCode);
    }

    [Fact]
    public void Lookup_to_a_missing_row_faults()
    {
        var missing = Guid.NewGuid();
        var fault = TestOrg.Fault(() => Service.Create(new Entity("lead") { ["parentaccountid"] = new EntityReference("account", missing) }));
        Assert.Equal(ErrorCodes.ObjectDoesNotExist, fault.ErrorCode);
        Assert.Equal($"account With Id = {missing} Does Not Exist", fault.Message);
    }

    [Fact]
    public void Lookup_to_a_table_not_in_targets_faults()
    {
        var contact = Service.Create(new Entity("contact") { ["lastname"] = "c" });
        var fault = TestOrg.Fault(() => Service.Create(new Entity("lead") { ["parentaccountid"] = new EntityReference("contact", contact) }));
        Assert.Equal(ErrorCodes.InvalidLookupTarget, fault.ErrorCode);
    }

    [Fact]
    public void Duplicate_alternate_key_faults()
    {
        Service.Create(new Entity("account") { ["name"] = "A", ["accountnumber"] = "A-1" });
        var fault = TestOrg.Fault(() => Service.Create(new Entity("account") { ["name"] = "B", ["accountnumber"] = "a-1" }));
        Assert.Equal(ErrorCodes.DuplicateRecordEntityKey, fault.ErrorCode);
    }

    [Fact]
    public void A_key_moved_and_moved_back_within_a_transaction_is_held_by_its_last_version_only()
    {
        // Every version of a row is checked, staged and indexed by its own key values: A-1 → B-2 → A-1 inside one request,
        // then another row takes B-2 in it, and after the commit A-1 and B-2 belong to the rows that hold them last.
        var org = TestOrg.Create();
        var service = org.SystemService;
        var first = service.Create(new Entity("account") { ["name"] = "first", ["accountnumber"] = "A-1" });
        Guid second = Guid.Empty;
        org.On("Create", "contact", 40, (context, factory, _) =>
        {
            var inner = factory.CreateOrganizationService(context.UserId);
            inner.Update(new Entity("account", first) { ["accountnumber"] = "B-2" });
            inner.Update(new Entity("account", first) { ["accountnumber"] = "a-1" });
            second = inner.Create(new Entity("account") { ["name"] = "second", ["accountnumber"] = "b-2" });
            var duplicate = Assert.Throws<System.ServiceModel.FaultException<OrganizationServiceFault>>(() =>
                inner.Create(new Entity("account") { ["name"] = "third", ["accountnumber"] = "A-1" }));
            Assert.Equal(ErrorCodes.DuplicateRecordEntityKey, duplicate.Detail.ErrorCode);
        });
        Assert.Throws<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => service.Create(new Entity("contact") { ["lastname"] = "doomed" }));

        // The failed create doomed that request; the same moves in a request that succeeds commit.
        org = TestOrg.Create();
        service = org.SystemService;
        first = service.Create(new Entity("account") { ["name"] = "first", ["accountnumber"] = "A-1" });
        org.On("Create", "contact", 40, (context, factory, _) =>
        {
            var inner = factory.CreateOrganizationService(context.UserId);
            inner.Update(new Entity("account", first) { ["accountnumber"] = "B-2" });
            inner.Update(new Entity("account", first) { ["accountnumber"] = "a-1" });
            second = inner.Create(new Entity("account") { ["name"] = "second", ["accountnumber"] = "b-2" });
        });
        service.Create(new Entity("contact") { ["lastname"] = "commits" });
        Guid ByKey(string number) => ((Microsoft.Xrm.Sdk.Messages.RetrieveResponse)service.Execute(new Microsoft.Xrm.Sdk.Messages.RetrieveRequest
            { Target = new EntityReference("account", "accountnumber", number), ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet(false) })).Entity.Id;
        Assert.Equal(first, ByKey("A-1"));
        Assert.Equal(second, ByKey("B-2"));
        var fault = TestOrg.Fault(() => service.Create(new Entity("account") { ["name"] = "third", ["accountnumber"] = "b-2" }));
        Assert.Equal(ErrorCodes.DuplicateRecordEntityKey, fault.ErrorCode);
        service.Update(new Entity("account", second) { ["accountnumber"] = "C-3" });
        service.Create(new Entity("account") { ["name"] = "third", ["accountnumber"] = "B-2" });
    }

    [Fact]
    public void SystemRequired_set_to_null_faults()
    {
        var lead = Service.Create(new Entity("lead") { ["lastname"] = "x" });
        var fault = TestOrg.Fault(() => Service.Update(new Entity("lead", lead) { ["ownerid"] = null }));
        Assert.Equal(ErrorCodes.AttributeCannotBeNull, fault.ErrorCode);
        Assert.Equal("Attribute: ownerid cannot be set to NULL", fault.Message);
    }

    [Fact]
    public void Missing_SystemRequired_column_on_create_faults()
    {
        var fault = TestOrg.Fault(() => Service.Create(new Entity("team")));
        Assert.Equal(ErrorCodes.AttributeCannotBeNull, fault.ErrorCode);
    }

    [Fact]
    public void Number_outside_its_range_faults()
    {
        var fault = TestOrg.Fault(() => Service.Create(new Entity("lead") { ["numberofemployees"] = -1 }));
        Assert.Equal(ErrorCodes.ValueOutOfRange, fault.ErrorCode);
    }
}
