using AdoptionCrm.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests.Query;

public class ConditionOperatorTests
{
    private readonly InMemoryQuerySource _source = TestTables.Source();

    private List<string> Names(string attribute, ConditionOperator op, params object[] values)
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition(attribute, op, values);
        return new QueryEngine(_source).RetrieveMultiple(query, TestTables.Context()).Entities
            .Select(e => e.GetAttributeValue<string>("name")).ToList();
    }

    private void AddNames(params string[] names)
    {
        foreach (var name in names) _source.Add("account", ("name", name));
    }

    [Fact]
    public void Like_matches_sql_wildcards_case_insensitively()
    {
        AddNames("Contoso Ltd", "contoso", "Fabrikam", "Cont_x");
        Assert.Equal(new[] { "Contoso Ltd", "contoso" }, Names("name", ConditionOperator.Like, "CONTOSO%"));
        Assert.Equal(new[] { "Cont_x" }, Names("name", ConditionOperator.Like, "Cont[_]_"));
        Assert.Equal(new[] { "Fabrikam" }, Names("name", ConditionOperator.Like, "_abrikam"));
    }

    [Fact]
    public void Like_supports_bracket_sets_and_negated_sets()
    {
        AddNames("Alpha", "Beta", "Gamma");
        Assert.Equal(new[] { "Alpha", "Beta" }, Names("name", ConditionOperator.Like, "[a-b]%"));
        Assert.Equal(new[] { "Gamma" }, Names("name", ConditionOperator.Like, "[^ab]%"));
        Assert.Equal(new[] { "Gamma" }, Names("name", ConditionOperator.NotLike, "[ab]%"));
    }

    [Fact]
    public void BeginsWith_and_EndsWith_and_their_negations()
    {
        AddNames("Northwind", "Southwind", "North Pole");
        Assert.Equal(new[] { "Northwind", "North Pole" }, Names("name", ConditionOperator.BeginsWith, "north"));
        Assert.Equal(new[] { "Northwind", "Southwind" }, Names("name", ConditionOperator.EndsWith, "WIND"));
        Assert.Equal(new[] { "Southwind" }, Names("name", ConditionOperator.DoesNotBeginWith, "North"));
        Assert.Equal(new[] { "North Pole" }, Names("name", ConditionOperator.DoesNotEndWith, "wind"));
    }

    [Fact]
    public void Equal_on_strings_is_case_insensitive()
    {
        AddNames("Contoso", "Other");
        Assert.Equal(new[] { "Contoso" }, Names("name", ConditionOperator.Equal, "CONTOSO"));
    }

    [Fact]
    public void Comparisons_on_numbers_take_raw_or_sdk_values()
    {
        _source.Add("account", ("name", "small"), ("numberofemployees", 5), ("revenue", new Money(10m)));
        _source.Add("account", ("name", "big"), ("numberofemployees", 500), ("revenue", new Money(1000m)));
        Assert.Equal(new[] { "big" }, Names("numberofemployees", ConditionOperator.GreaterThan, 5));
        Assert.Equal(new[] { "small", "big" }, Names("numberofemployees", ConditionOperator.GreaterEqual, 5));
        Assert.Equal(new[] { "small" }, Names("revenue", ConditionOperator.LessThan, new Money(100m)));
        Assert.Equal(new[] { "small" }, Names("revenue", ConditionOperator.LessEqual, 10m));
    }

    [Fact]
    public void OptionSetValue_and_EntityReference_compare_by_value()
    {
        var contact = Guid.NewGuid();
        _source.Add("account", ("name", "a"), ("industrycode", new OptionSetValue(2)), ("primarycontactid", new EntityReference("contact", contact)));
        _source.Add("account", ("name", "b"), ("industrycode", new OptionSetValue(3)));
        Assert.Equal(new[] { "a" }, Names("industrycode", ConditionOperator.Equal, 2));
        Assert.Equal(new[] { "a" }, Names("industrycode", ConditionOperator.Equal, new OptionSetValue(2)));
        Assert.Equal(new[] { "a" }, Names("primarycontactid", ConditionOperator.Equal, contact));
        Assert.Equal(new[] { "a" }, Names("primarycontactid", ConditionOperator.Equal, new EntityReference("contact", contact)));
    }

    [Fact]
    public void In_and_NotIn_accept_lists_and_arrays()
    {
        _source.Add("account", ("name", "one"), ("industrycode", new OptionSetValue(1)));
        _source.Add("account", ("name", "two"), ("industrycode", new OptionSetValue(2)));
        _source.Add("account", ("name", "three"), ("industrycode", new OptionSetValue(3)));
        Assert.Equal(new[] { "one", "three" }, Names("industrycode", ConditionOperator.In, 1, 3));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.Conditions.Add(new ConditionExpression("industrycode", ConditionOperator.In, new[] { 2, 3 }));
        Assert.Equal(2, new QueryEngine(_source).RetrieveMultiple(query, TestTables.Context()).Entities.Count);
        Assert.Equal(new[] { "two" }, Names("industrycode", ConditionOperator.NotIn, 1, 3));
    }

    [Fact]
    public void Between_and_NotBetween_are_inclusive()
    {
        foreach (var n in new[] { 1, 5, 10, 11 }) _source.Add("account", ("name", n.ToString()), ("numberofemployees", n));
        Assert.Equal(new[] { "5", "10" }, Names("numberofemployees", ConditionOperator.Between, 5, 10));
        Assert.Equal(new[] { "1", "11" }, Names("numberofemployees", ConditionOperator.NotBetween, 5, 10));
    }

    [Fact]
    public void Null_and_NotNull_and_negations_exclude_nulls()
    {
        _source.Add("account", ("name", "with"), ("accountnumber", "A1"));
        _source.Add("account", ("name", "without"));
        Assert.Equal(new[] { "without" }, Names("accountnumber", ConditionOperator.Null));
        Assert.Equal(new[] { "with" }, Names("accountnumber", ConditionOperator.NotNull));
        // SQL semantics: "ne" never matches a null column.
        Assert.Empty(Names("accountnumber", ConditionOperator.NotEqual, "A1"));
    }

    [Fact]
    public void Date_operators_use_the_query_clock()
    {
        var now = TestTables.Now;
        _source.Add("account", ("name", "today"), ("createdon", now.AddHours(-1)));
        _source.Add("account", ("name", "yesterday"), ("createdon", now.AddDays(-1)));
        _source.Add("account", ("name", "lastmonth"), ("createdon", now.AddDays(-20)));
        _source.Add("account", ("name", "tomorrow"), ("createdon", now.AddDays(1)));
        Assert.Equal(new[] { "today" }, Names("createdon", ConditionOperator.Today));
        Assert.Equal(new[] { "yesterday" }, Names("createdon", ConditionOperator.Yesterday));
        Assert.Equal(new[] { "tomorrow" }, Names("createdon", ConditionOperator.Tomorrow));
        Assert.Equal(new[] { "today", "yesterday" }, Names("createdon", ConditionOperator.LastXDays, 3));
        Assert.Equal(new[] { "today", "yesterday" }, Names("createdon", ConditionOperator.Last7Days));
        Assert.Equal(new[] { "tomorrow" }, Names("createdon", ConditionOperator.NextXDays, 2));
        Assert.Equal(new[] { "today" }, Names("createdon", ConditionOperator.LastXHours, 2));
        Assert.Equal(new[] { "lastmonth" }, Names("createdon", ConditionOperator.OlderThanXDays, 10));
        Assert.Equal(new[] { "today", "tomorrow" }, Names("createdon", ConditionOperator.OnOrAfter, now.Date));
        Assert.Equal(new[] { "yesterday", "lastmonth" }, Names("createdon", ConditionOperator.OnOrBefore, now.Date.AddDays(-1)));
        Assert.Equal(new[] { "yesterday" }, Names("createdon", ConditionOperator.On, now.AddDays(-1).Date.AddHours(3)));
    }

    [Fact]
    public void EqualUserId_compares_with_the_caller()
    {
        _source.Add("account", ("name", "mine"), ("ownerid", new EntityReference("systemuser", TestTables.Caller)));
        _source.Add("account", ("name", "theirs"), ("ownerid", new EntityReference("systemuser", Guid.NewGuid())));
        Assert.Equal(new[] { "mine" }, Names("ownerid", ConditionOperator.EqualUserId));
        Assert.Equal(new[] { "theirs" }, Names("ownerid", ConditionOperator.NotEqualUserId));
    }

    [Fact]
    public void Unsupported_operator_faults_by_name()
    {
        AddNames("x");
        var fault = FaultAssert.Throws(ErrorCodes.InvalidOperator, () => Names("name", ConditionOperator.Contains, "x"));
        Assert.Contains("Contains", fault.Message);
        fault = FaultAssert.Throws(ErrorCodes.InvalidOperator, () => Names("ownerid", ConditionOperator.EqualUserTeams));
        Assert.Contains("EqualUserTeams", fault.Message);
    }

    [Fact]
    public void Condition_on_unknown_column_faults()
    {
        AddNames("x");
        var fault = FaultAssert.Throws(ErrorCodes.QueryBuilderNoAttribute, () => Names("nosuchcolumn", ConditionOperator.Equal, 1));
        Assert.Contains("nosuchcolumn", fault.Message);
    }

    [Fact]
    public void Value_of_wrong_type_faults()
    {
        AddNames("x");
        FaultAssert.Throws(ErrorCodes.InvalidArgument, () => Names("numberofemployees", ConditionOperator.Equal, "lots"));
    }
}
