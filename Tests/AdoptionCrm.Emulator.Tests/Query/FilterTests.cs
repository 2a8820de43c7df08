using AdoptionCrm.Emulator.Query;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests.Query;

public class FilterTests
{
    [Fact]
    public void Nested_and_or_filters_combine_as_written()
    {
        var source = TestTables.Source();
        source.Add("account", ("name", "a"), ("numberofemployees", 1), ("accountnumber", "X"));
        source.Add("account", ("name", "b"), ("numberofemployees", 50), ("accountnumber", "Y"));
        source.Add("account", ("name", "c"), ("numberofemployees", 100), ("accountnumber", "X"));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        // accountnumber = X AND (employees < 10 OR employees > 90)
        query.Criteria.AddCondition("accountnumber", ConditionOperator.Equal, "X");
        var or = query.Criteria.AddFilter(LogicalOperator.Or);
        or.AddCondition("numberofemployees", ConditionOperator.LessThan, 10);
        or.AddCondition("numberofemployees", ConditionOperator.GreaterThan, 90);
        var names = new QueryEngine(source).RetrieveMultiple(query, TestTables.Context()).Entities.Select(e => (string)e["name"]);
        Assert.Equal(new[] { "a", "c" }, names);
    }

    [Fact]
    public void Top_level_or_filter_matches_either_condition()
    {
        var source = TestTables.Source();
        source.Add("account", ("name", "a"));
        source.Add("account", ("name", "b"));
        source.Add("account", ("name", "c"));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), Criteria = new FilterExpression(LogicalOperator.Or) };
        query.Criteria.AddCondition("name", ConditionOperator.Equal, "a");
        query.Criteria.AddCondition("name", ConditionOperator.Equal, "c");
        Assert.Equal(2, new QueryEngine(source).RetrieveMultiple(query, TestTables.Context()).Entities.Count);
    }
}
