using AdoptionCrm.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests.Query;

public class IndexUseTests
{
    [Fact]
    public void Equal_on_an_indexed_lookup_uses_the_index_and_does_not_scan()
    {
        var source = TestTables.Source().Index("lead", "parentaccountid");
        var account = source.Add("account", ("name", "parent"));
        for (var i = 0; i < 100; i++) source.Add("lead", ("subject", $"other {i}"), ("parentaccountid", new EntityReference("account", Guid.NewGuid())));
        source.Add("lead", ("subject", "mine"), ("parentaccountid", new EntityReference("account", account.Id)));
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") };
        query.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, account.Id);
        var result = new QueryEngine(source).RetrieveMultiple(query, TestTables.Context());
        Assert.Equal("mine", Assert.Single(result.Entities)["subject"]);
        Assert.False(source.ScanCount.ContainsKey("lead"));
    }

    [Fact]
    public void Unindexed_column_falls_back_to_a_scan()
    {
        var source = TestTables.Source();
        source.Add("lead", ("subject", "x"));
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") };
        query.Criteria.AddCondition("subject", ConditionOperator.Equal, "x");
        Assert.Single(new QueryEngine(source).RetrieveMultiple(query, TestTables.Context()).Entities);
        Assert.Equal(1, source.ScanCount["lead"]);
    }

    [Fact]
    public void Join_on_an_indexed_column_does_not_scan_the_linked_table()
    {
        var source = TestTables.Source().Index("contact", "contactid");
        var ann = source.Add("contact", ("fullname", "Ann"));
        source.Add("account", ("name", "a"), ("primarycontactid", new EntityReference("contact", ann.Id)));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.AddLink("contact", "primarycontactid", "contactid").Columns.AddColumns("fullname");
        Assert.Single(new QueryEngine(source).RetrieveMultiple(query, TestTables.Context()).Entities);
        Assert.False(source.ScanCount.ContainsKey("contact"));
    }
}
