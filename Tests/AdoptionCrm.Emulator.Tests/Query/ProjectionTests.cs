using AdoptionCrm.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests.Query;

public class ProjectionTests
{
    private readonly InMemoryQuerySource _source = TestTables.Source();

    private EntityCollection Run(QueryBase query) => new QueryEngine(_source).RetrieveMultiple(query, TestTables.Context());

    [Fact]
    public void Listed_columns_return_only_those_plus_the_primary_id()
    {
        var stored = _source.Add("account", ("name", "Contoso"), ("accountnumber", "A1"), ("numberofemployees", 3));
        var row = Assert.Single(Run(new QueryExpression("account") { ColumnSet = new ColumnSet("name") }).Entities);
        Assert.Equal("account", row.LogicalName);
        Assert.Equal(stored.Id, row.Id);
        Assert.Equal(new[] { "accountid", "name" }, row.Attributes.Keys.OrderBy(k => k));
    }

    [Fact]
    public void AllColumns_returns_every_stored_column()
    {
        _source.Add("account", ("name", "Contoso"), ("accountnumber", "A1"));
        var row = Assert.Single(Run(new QueryExpression("account") { ColumnSet = new ColumnSet(true) }).Entities);
        Assert.Equal(new[] { "accountid", "accountnumber", "name" }, row.Attributes.Keys.OrderBy(k => k));
    }

    [Fact]
    public void Unknown_column_in_ColumnSet_faults()
    {
        _source.Add("account", ("name", "Contoso"));
        var fault = FaultAssert.Throws(ErrorCodes.QueryBuilderNoAttribute,
            () => Run(new QueryExpression("account") { ColumnSet = new ColumnSet("name", "bogus") }));
        Assert.Contains("'account' entity doesn't contain attribute with Name = 'bogus'", fault.Message);
    }

    [Fact]
    public void Returned_rows_are_copies_of_the_stored_rows()
    {
        var stored = _source.Add("account", ("name", "Contoso"), ("industrycode", new OptionSetValue(1)), ("revenue", new Money(5m)));
        var row = Assert.Single(Run(new QueryExpression("account") { ColumnSet = new ColumnSet(true) }).Entities);
        row["name"] = "changed";
        row.GetAttributeValue<OptionSetValue>("industrycode").Value = 3;
        row.GetAttributeValue<Money>("revenue").Value = 99m;
        Assert.Equal("Contoso", stored["name"]);
        Assert.Equal(1, stored.GetAttributeValue<OptionSetValue>("industrycode").Value);
        Assert.Equal(5m, stored.GetAttributeValue<Money>("revenue").Value);
    }

    [Fact]
    public void Formatted_values_for_choices_booleans_money_and_lookup_names()
    {
        var ann = _source.Add("contact", ("fullname", "Ann"));
        _source.Add("account", ("name", "Contoso"), ("industrycode", new OptionSetValue(2)), ("donotemail", true),
            ("revenue", new Money(1234.5m)), ("primarycontactid", new EntityReference("contact", ann.Id)));
        var row = Assert.Single(Run(new QueryExpression("account") { ColumnSet = new ColumnSet(true) }).Entities);
        Assert.Equal("Accounting", row.FormattedValues["industrycode"]);
        Assert.Equal("Yes", row.FormattedValues["donotemail"]);
        Assert.Equal("1,234.50", row.FormattedValues["revenue"]);
        Assert.Equal("Ann", row.GetAttributeValue<EntityReference>("primarycontactid").Name);
        Assert.Equal("Ann", row.FormattedValues["primarycontactid"]);
    }

    [Fact]
    public void Choice_columns_sort_by_label()
    {
        _source.Add("account", ("name", "zebra"), ("industrycode", new OptionSetValue(1)));   // "Zebra farming"
        _source.Add("account", ("name", "mining"), ("industrycode", new OptionSetValue(3)));  // "Mining"
        _source.Add("account", ("name", "accounting"), ("industrycode", new OptionSetValue(2))); // "Accounting"
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.AddOrder("industrycode", OrderType.Ascending);
        Assert.Equal(new[] { "accounting", "mining", "zebra" }, Run(query).Entities.Select(e => (string)e["name"]));
    }

    [Fact]
    public void Default_order_is_insertion_order()
    {
        foreach (var name in new[] { "c", "a", "b" }) _source.Add("account", ("name", name));
        Assert.Equal(new[] { "c", "a", "b" },
            Run(new QueryExpression("account") { ColumnSet = new ColumnSet("name") }).Entities.Select(e => (string)e["name"]));
    }

    [Fact]
    public void Distinct_query_expression_removes_duplicates()
    {
        foreach (var name in new[] { "x", "y", "x" }) _source.Add("account", ("name", name));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), Distinct = true };
        Assert.Equal(new[] { "x", "y" }, Run(query).Entities.Select(e => (string)e["name"]));
    }

    [Fact]
    public void QueryByAttribute_is_equality_on_each_attribute()
    {
        _source.Add("account", ("name", "Contoso"), ("accountnumber", "A1"));
        _source.Add("account", ("name", "Contoso"), ("accountnumber", "A2"));
        var query = new QueryByAttribute("account") { ColumnSet = new ColumnSet("accountnumber") };
        query.AddAttributeValue("name", "contoso");
        query.AddAttributeValue("accountnumber", "A2");
        Assert.Equal("A2", Assert.Single(Run(query).Entities)["accountnumber"]);
    }

    [Fact]
    public void Unknown_query_type_or_table_faults()
    {
        FaultAssert.Throws(ErrorCodes.QueryBuilderNoEntity, () => Run(new QueryExpression("nosuchtable")));
    }
}
