using AdoptionCrm.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests.Query;

public class AggregateTests
{
    private readonly InMemoryQuerySource _source = TestTables.Source();

    private EntityCollection Fetch(string xml) => new QueryEngine(_source).RetrieveMultiple(new FetchExpression(xml), TestTables.Context());

    private static object? Value(Entity entity, string alias) => ((AliasedValue)entity[alias]).Value;

    private void AddSample()
    {
        _source.Add("account", ("name", "a"), ("industrycode", new OptionSetValue(1)), ("numberofemployees", 10), ("revenue", new Money(100m)));
        _source.Add("account", ("name", "b"), ("industrycode", new OptionSetValue(1)), ("numberofemployees", 15), ("revenue", new Money(300m)));
        _source.Add("account", ("name", "b"), ("industrycode", new OptionSetValue(2)), ("numberofemployees", 7));
        _source.Add("account", ("name", "c"), ("industrycode", new OptionSetValue(2)));
    }

    [Fact]
    public void Count_countcolumn_and_distinct_countcolumn()
    {
        AddSample();
        var row = Assert.Single(Fetch("""
            <fetch aggregate="true"><entity name="account">
              <attribute name="accountid" alias="rows" aggregate="count" />
              <attribute name="revenue" alias="withrevenue" aggregate="countcolumn" />
              <attribute name="name" alias="names" aggregate="countcolumn" distinct="true" />
            </entity></fetch>
            """).Entities);
        Assert.Equal(4, Value(row, "rows"));
        Assert.Equal(2, Value(row, "withrevenue"));
        Assert.Equal(3, Value(row, "names"));
    }

    [Fact]
    public void Sum_avg_min_max_keep_the_column_type_and_ignore_nulls()
    {
        AddSample();
        var row = Assert.Single(Fetch("""
            <fetch aggregate="true"><entity name="account">
              <attribute name="revenue" alias="total" aggregate="sum" />
              <attribute name="revenue" alias="average" aggregate="avg" />
              <attribute name="numberofemployees" alias="fewest" aggregate="min" />
              <attribute name="numberofemployees" alias="most" aggregate="max" />
              <attribute name="numberofemployees" alias="meanstaff" aggregate="avg" />
            </entity></fetch>
            """).Entities);
        Assert.Equal(400m, ((Money)Value(row, "total")!).Value);
        Assert.Equal(200m, ((Money)Value(row, "average")!).Value);
        Assert.Equal(7, Value(row, "fewest"));
        Assert.Equal(15, Value(row, "most"));
        Assert.Equal(10, Value(row, "meanstaff")); // (10 + 15 + 7) / 3 truncated, as SQL AVG over int
    }

    [Fact]
    public void Groupby_returns_group_values_ordered_by_alias()
    {
        AddSample();
        var rows = Fetch("""
            <fetch aggregate="true"><entity name="account">
              <attribute name="industrycode" alias="industry" groupby="true" />
              <attribute name="accountid" alias="n" aggregate="count" />
              <attribute name="numberofemployees" alias="staff" aggregate="sum" />
              <order alias="staff" descending="true" />
            </entity></fetch>
            """).Entities;
        Assert.Equal(2, rows.Count);
        Assert.Equal(new OptionSetValue(1), Value(rows[0], "industry"));
        Assert.Equal(25, Value(rows[0], "staff"));
        Assert.Equal(2, Value(rows[0], "n"));
        Assert.Equal(new OptionSetValue(2), Value(rows[1], "industry"));
        Assert.Equal(7, Value(rows[1], "staff"));
    }

    [Fact]
    public void Dategrouping_groups_by_year_and_month()
    {
        _source.Add("account", ("name", "a"), ("createdon", new DateTime(2024, 1, 5, 0, 0, 0, DateTimeKind.Utc)));
        _source.Add("account", ("name", "b"), ("createdon", new DateTime(2024, 1, 25, 0, 0, 0, DateTimeKind.Utc)));
        _source.Add("account", ("name", "c"), ("createdon", new DateTime(2025, 1, 5, 0, 0, 0, DateTimeKind.Utc)));
        _source.Add("account", ("name", "d"), ("createdon", new DateTime(2025, 3, 5, 0, 0, 0, DateTimeKind.Utc)));
        var rows = Fetch("""
            <fetch aggregate="true"><entity name="account">
              <attribute name="createdon" alias="year" groupby="true" dategrouping="year" />
              <attribute name="createdon" alias="month" groupby="true" dategrouping="month" />
              <attribute name="accountid" alias="n" aggregate="count" />
              <order alias="year" /><order alias="month" />
            </entity></fetch>
            """).Entities;
        Assert.Equal(new[] { (2024, 1, 2), (2025, 1, 1), (2025, 3, 1) },
            rows.Select(r => ((int)Value(r, "year")!, (int)Value(r, "month")!, (int)Value(r, "n")!)));
    }

    [Fact]
    public void Aggregate_over_linked_entity_column()
    {
        var account = _source.Add("account", ("name", "parent"));
        _source.Add("lead", ("subject", "1"), ("estimatedvalue", new Money(5m)), ("parentaccountid", new EntityReference("account", account.Id)));
        _source.Add("lead", ("subject", "2"), ("estimatedvalue", new Money(7m)), ("parentaccountid", new EntityReference("account", account.Id)));
        var row = Assert.Single(Fetch("""
            <fetch aggregate="true"><entity name="account">
              <attribute name="name" alias="account" groupby="true" />
              <link-entity name="lead" from="parentaccountid" to="accountid" alias="l">
                <attribute name="estimatedvalue" alias="pipeline" aggregate="sum" />
              </link-entity>
            </entity></fetch>
            """).Entities);
        Assert.Equal("parent", Value(row, "account"));
        Assert.Equal(12m, ((Money)Value(row, "pipeline")!).Value);
        Assert.Equal("lead", ((AliasedValue)row["pipeline"]).EntityLogicalName);
    }

    [Fact]
    public void Aggregate_over_50000_rows_faults_with_0x8004E023()
    {
        for (var i = 0; i < 50_001; i++) _source.Add("account", ("name", "n"));
        var fault = FaultAssert.Throws(unchecked((int)0x8004E023), () => Fetch(
            """<fetch aggregate="true"><entity name="account"><attribute name="accountid" alias="n" aggregate="count" /></entity></fetch>"""));
        Assert.StartsWith("AggregateQueryRecordLimit exceeded", fault.Message);
    }

    [Fact]
    public void Aggregate_at_exactly_50000_rows_succeeds()
    {
        for (var i = 0; i < 50_000; i++) _source.Add("account", ("name", "n"));
        var row = Assert.Single(Fetch(
            """<fetch aggregate="true"><entity name="account"><attribute name="accountid" alias="n" aggregate="count" /></entity></fetch>""").Entities);
        Assert.Equal(50_000, Value(row, "n"));
    }

    [Fact]
    public void Aggregatelimit_lowers_the_row_limit()
    {
        for (var i = 0; i < 11; i++) _source.Add("account", ("name", "n"));
        FaultAssert.Throws(ErrorCodes.AggregateQueryRecordLimitExceeded, () => Fetch(
            """<fetch aggregate="true" aggregatelimit="10"><entity name="account"><attribute name="accountid" alias="n" aggregate="count" /></entity></fetch>"""));
    }

    [Fact]
    public void Aggregate_attribute_without_alias_faults()
    {
        AddSample();
        FaultAssert.Throws(ErrorCodes.InvalidArgument, () => Fetch(
            """<fetch aggregate="true"><entity name="account"><attribute name="accountid" aggregate="count" /></entity></fetch>"""));
    }
}
