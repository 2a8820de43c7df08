using AdoptionCrm.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests.Query;

/// <summary>The engine counts the rows it reads, before filtering: an index read is its matches, a scan the table.</summary>
public class RowsExaminedTests
{
    private static InMemoryQuerySource LeadsOnTwoAccounts(Guid mine, int mineCount, int others)
    {
        var source = TestTables.Source().Index("lead", "parentaccountid");
        for (var i = 0; i < others; i++) source.Add("lead", ("subject", $"other {i}"), ("parentaccountid", new EntityReference("account", Guid.NewGuid())));
        for (var i = 0; i < mineCount; i++) source.Add("lead", ("subject", $"mine {i}"), ("parentaccountid", new EntityReference("account", mine)));
        return source;
    }

    [Fact]
    public void Query_on_an_indexed_lookup_examines_only_the_matching_rows()
    {
        var mine = Guid.NewGuid();
        var engine = new QueryEngine(LeadsOnTwoAccounts(mine, mineCount: 3, others: 500));
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") };
        query.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, mine);
        query.Criteria.AddCondition("subject", ConditionOperator.NotEqual, "mine 0");

        Assert.Equal(2, engine.RetrieveMultiple(query, TestTables.Context()).Entities.Count);
        Assert.Equal(3, engine.RowsExamined); // before the subject filter
    }

    [Fact]
    public void Unindexed_filter_examines_the_whole_table()
    {
        var engine = new QueryEngine(LeadsOnTwoAccounts(Guid.NewGuid(), mineCount: 3, others: 500));
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") };
        query.Criteria.AddCondition("subject", ConditionOperator.Equal, "mine 1");

        Assert.Single(engine.RetrieveMultiple(query, TestTables.Context()).Entities);
        Assert.Equal(503, engine.RowsExamined);
    }

    [Fact]
    public void Rows_examined_add_up_over_an_engines_queries()
    {
        var mine = Guid.NewGuid();
        var engine = new QueryEngine(LeadsOnTwoAccounts(mine, mineCount: 4, others: 10));
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") };
        query.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, mine);
        engine.RetrieveMultiple(query, TestTables.Context());
        engine.RetrieveMultiple(query, TestTables.Context());
        Assert.Equal(8, engine.RowsExamined);
    }
}
