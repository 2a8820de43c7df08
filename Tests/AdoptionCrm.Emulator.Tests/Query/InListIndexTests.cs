using AdoptionCrm.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests.Query;

/// <summary>The root's access path: an In list is a union of index seeks, and the most selective index wins.</summary>
public class InListIndexTests
{
    [Fact]
    public void In_on_an_indexed_column_reads_the_union_of_seeks_not_the_table()
    {
        var source = TestTables.Source().Index("lead", "parentaccountid");
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        for (var i = 0; i < 30; i++) source.Add("lead", ("subject", $"c{i}"), ("parentaccountid", new EntityReference("account", c)));
        source.Add("lead", ("subject", "a1"), ("parentaccountid", new EntityReference("account", a)));
        source.Add("lead", ("subject", "b1"), ("parentaccountid", new EntityReference("account", b)));
        source.Add("lead", ("subject", "a2"), ("parentaccountid", new EntityReference("account", a)));
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") };
        query.Criteria.AddCondition("parentaccountid", ConditionOperator.In, a, b);
        var engine = new QueryEngine(source);

        var result = engine.RetrieveMultiple(query, TestTables.Context());

        // Insertion order is kept across the union, as a scan would have returned the rows.
        Assert.Equal(new[] { "a1", "b1", "a2" }, result.Entities.Select(e => (string)e["subject"]));
        Assert.False(source.ScanCount.ContainsKey("lead"));
        Assert.Equal(3, engine.RowsExamined);
    }

    [Fact]
    public void In_with_a_null_value_is_left_to_the_evaluator()
    {
        var source = TestTables.Source().Index("lead", "subject");
        source.Add("lead", ("subject", "x"));
        source.Add("lead", ("subject", null));
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") };
        query.Criteria.AddCondition(new ConditionExpression("subject", ConditionOperator.In, new object?[] { "x", null }));

        Assert.Equal("x", Assert.Single(new QueryEngine(source).RetrieveMultiple(query, TestTables.Context()).Entities)["subject"]);
    }

    [Fact]
    public void Of_two_indexed_conditions_the_one_matching_fewer_rows_is_read()
    {
        var source = TestTables.Source().Index("lead", "parentaccountid").Index("lead", "subject");
        var big = Guid.NewGuid();
        for (var i = 0; i < 50; i++) source.Add("lead", ("subject", $"s{i}"), ("parentaccountid", new EntityReference("account", big)));
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") };
        query.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, big);
        query.Criteria.AddCondition("subject", ConditionOperator.Equal, "s7");
        var engine = new QueryEngine(source);

        Assert.Equal("s7", Assert.Single(engine.RetrieveMultiple(query, TestTables.Context()).Entities)["subject"]);
        Assert.Equal(1, engine.RowsExamined);
        Assert.False(source.IndexRowsRead.ContainsKey(("lead", "parentaccountid")));
    }
}
