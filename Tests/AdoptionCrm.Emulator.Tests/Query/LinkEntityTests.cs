using AdoptionCrm.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests.Query;

public class LinkEntityTests
{
    private readonly InMemoryQuerySource _source = TestTables.Source();
    private readonly Entity _ann;
    private readonly Entity _withContact;
    private readonly Entity _withoutContact;

    public LinkEntityTests()
    {
        _ann = _source.Add("contact", ("fullname", "Ann"), ("emailaddress1", "ann@example.com"));
        _withContact = _source.Add("account", ("name", "Contoso"), ("primarycontactid", new EntityReference("contact", _ann.Id)));
        _withoutContact = _source.Add("account", ("name", "Fabrikam"));
    }

    private EntityCollection Run(QueryExpression query) => new QueryEngine(_source).RetrieveMultiple(query, TestTables.Context());

    [Fact]
    public void Inner_join_returns_link_columns_as_aliased_values()
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        var link = query.AddLink("contact", "primarycontactid", "contactid");
        link.EntityAlias = "pc";
        link.Columns.AddColumns("fullname");
        var result = Assert.Single(Run(query).Entities);
        Assert.Equal("Contoso", result["name"]);
        var aliased = Assert.IsType<AliasedValue>(result["pc.fullname"]);
        Assert.Equal("contact", aliased.EntityLogicalName);
        Assert.Equal("fullname", aliased.AttributeLogicalName);
        Assert.Equal("Ann", aliased.Value);
    }

    [Fact]
    public void Link_without_alias_gets_table_name_plus_ordinal()
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.AddLink("contact", "primarycontactid", "contactid").Columns.AddColumns("fullname");
        var result = Assert.Single(Run(query).Entities);
        Assert.Equal("Ann", ((AliasedValue)result["contact1.fullname"]).Value);
    }

    [Fact]
    public void Left_outer_join_keeps_rows_without_a_match()
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        var link = query.AddLink("contact", "primarycontactid", "contactid", JoinOperator.LeftOuter);
        link.EntityAlias = "pc";
        link.Columns.AddColumns("fullname");
        var rows = Run(query).Entities;
        Assert.Equal(2, rows.Count);
        Assert.True(rows[0].Contains("pc.fullname"));
        Assert.False(rows[1].Contains("pc.fullname"));
    }

    [Fact]
    public void Condition_on_linked_alias_filters_after_outer_join()
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.AddLink("contact", "primarycontactid", "contactid", JoinOperator.LeftOuter).EntityAlias = "pc";
        query.Criteria.AddCondition("pc", "contactid", ConditionOperator.Null);
        Assert.Equal("Fabrikam", Assert.Single(Run(query).Entities)["name"]);
    }

    [Fact]
    public void Link_criteria_restrict_the_joined_rows()
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        var link = query.AddLink("contact", "primarycontactid", "contactid");
        link.LinkCriteria.AddCondition("fullname", ConditionOperator.Equal, "Bob");
        Assert.Empty(Run(query).Entities);
    }

    [Fact]
    public void Inner_join_on_many_side_repeats_the_parent_row()
    {
        _source.Add("lead", ("subject", "L1"), ("parentaccountid", new EntityReference("account", _withContact.Id)));
        _source.Add("lead", ("subject", "L2"), ("parentaccountid", new EntityReference("account", _withContact.Id)));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        var link = query.AddLink("lead", "accountid", "parentaccountid");
        link.EntityAlias = "l";
        link.Columns.AddColumns("subject");
        query.AddOrder("name", OrderType.Ascending);
        link.Orders.Add(new OrderExpression("subject", OrderType.Descending));
        var rows = Run(query).Entities;
        Assert.Equal(new[] { "L2", "L1" }, rows.Select(r => (string)((AliasedValue)r["l.subject"]).Value));
    }

    [Fact]
    public void Any_and_NotAny_filter_by_related_rows_without_adding_columns()
    {
        _source.Add("lead", ("subject", "L1"), ("parentaccountid", new EntityReference("account", _withoutContact.Id)));
        var any = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        any.AddLink("lead", "accountid", "parentaccountid", JoinOperator.Any).Columns.AddColumns("subject");
        var anyRow = Assert.Single(Run(any).Entities);
        Assert.Equal("Fabrikam", anyRow["name"]);
        Assert.DoesNotContain(anyRow.Attributes, a => a.Key.Contains('.'));

        var notAny = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        notAny.AddLink("lead", "accountid", "parentaccountid", JoinOperator.NotAny);
        Assert.Equal("Contoso", Assert.Single(Run(notAny).Entities)["name"]);
    }

    [Fact]
    public void Order_on_linked_alias_sorts_the_rows()
    {
        var bob = _source.Add("contact", ("fullname", "Bob"));
        var zed = _source.Add("contact", ("fullname", "Aaron"));
        _source.Add("account", ("name", "Third"), ("primarycontactid", new EntityReference("contact", bob.Id)));
        _source.Add("account", ("name", "First"), ("primarycontactid", new EntityReference("contact", zed.Id)));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        var link = query.AddLink("contact", "primarycontactid", "contactid");
        link.EntityAlias = "pc";
        link.Orders.Add(new OrderExpression("fullname", OrderType.Ascending));
        Assert.Equal(new[] { "First", "Contoso", "Third" }, Run(query).Entities.Select(e => (string)e["name"]));
    }
}
