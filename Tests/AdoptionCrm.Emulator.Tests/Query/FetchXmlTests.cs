using System.Security;
using AdoptionCrm.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests.Query;

public class FetchXmlTests
{
    private readonly InMemoryQuerySource _source = TestTables.Source();

    private EntityCollection Fetch(string xml) => new QueryEngine(_source).RetrieveMultiple(new FetchExpression(xml), TestTables.Context());

    [Fact]
    public void Fetch_link_entity_with_alias_filter_and_order()
    {
        var ann = _source.Add("contact", ("fullname", "Ann"));
        var bob = _source.Add("contact", ("fullname", "Bob"));
        _source.Add("account", ("name", "Z-corp"), ("primarycontactid", new EntityReference("contact", ann.Id)));
        _source.Add("account", ("name", "A-corp"), ("primarycontactid", new EntityReference("contact", bob.Id)));
        _source.Add("account", ("name", "No contact"));
        var result = Fetch("""
            <fetch no-lock="true">
              <entity name="account">
                <attribute name="name" />
                <order attribute="name" descending="true" />
                <link-entity name="contact" from="contactid" to="primarycontactid" alias="pc" link-type="inner">
                  <attribute name="fullname" />
                  <filter type="or">
                    <condition attribute="fullname" operator="eq" value="ann" />
                    <condition attribute="fullname" operator="begins-with" value="B" />
                  </filter>
                </link-entity>
              </entity>
            </fetch>
            """);
        Assert.Equal(new[] { "Z-corp", "A-corp" }, result.Entities.Select(e => (string)e["name"]));
        Assert.Equal("Ann", ((AliasedValue)result.Entities[0]["pc.fullname"]).Value);
    }

    [Fact]
    public void Fetch_conditions_use_fetchxml_operator_names_and_value_elements()
    {
        _source.Add("account", ("name", "one"), ("numberofemployees", 1), ("createdon", TestTables.Now.AddDays(-2)));
        _source.Add("account", ("name", "two"), ("numberofemployees", 2), ("createdon", TestTables.Now.AddDays(-40)));
        _source.Add("account", ("name", "three"), ("numberofemployees", 3));
        var result = Fetch("""
            <fetch>
              <entity name="account">
                <attribute name="name" />
                <filter>
                  <condition attribute="numberofemployees" operator="in"><value>1</value><value>2</value></condition>
                  <condition attribute="createdon" operator="last-x-days" value="7" />
                  <condition attribute="name" operator="not-null" />
                </filter>
              </entity>
            </fetch>
            """);
        Assert.Equal("one", Assert.Single(result.Entities)["name"]);
    }

    [Fact]
    public void Fetch_outer_join_with_condition_on_linked_entityname()
    {
        var ann = _source.Add("contact", ("fullname", "Ann"));
        _source.Add("account", ("name", "has"), ("primarycontactid", new EntityReference("contact", ann.Id)));
        _source.Add("account", ("name", "hasnot"));
        var result = Fetch("""
            <fetch>
              <entity name="account">
                <attribute name="name" />
                <link-entity name="contact" from="contactid" to="primarycontactid" alias="c" link-type="outer" />
                <filter><condition entityname="c" attribute="contactid" operator="null" /></filter>
              </entity>
            </fetch>
            """);
        Assert.Equal("hasnot", Assert.Single(result.Entities)["name"]);
    }

    [Fact]
    public void Fetch_not_any_link_type_keeps_rows_without_related_rows()
    {
        var parent = _source.Add("account", ("name", "with lead"));
        _source.Add("account", ("name", "without lead"));
        _source.Add("lead", ("subject", "L"), ("parentaccountid", new EntityReference("account", parent.Id)));
        var result = Fetch("""
            <fetch><entity name="account"><attribute name="name" />
              <link-entity name="lead" from="parentaccountid" to="accountid" link-type="not any" />
            </entity></fetch>
            """);
        Assert.Equal("without lead", Assert.Single(result.Entities)["name"]);
    }

    [Fact]
    public void Fetch_paging_cookie_attribute_continues_after_last_row()
    {
        foreach (var name in new[] { "b", "d", "f" }) _source.Add("account", ("name", name));
        const string template = """<fetch count="2" page="{0}" {1}><entity name="account"><attribute name="name" /><order attribute="name" /></entity></fetch>""";
        var first = Fetch(string.Format(template, 1, ""));
        Assert.True(first.MoreRecords);
        _source.Add("account", ("name", "a"));
        var second = Fetch(string.Format(template, 2, $"paging-cookie=\"{SecurityElement.Escape(first.PagingCookie)}\""));
        Assert.Equal(new[] { "f" }, second.Entities.Select(e => (string)e["name"]));
    }

    [Fact]
    public void Fetch_top_limits_rows_and_faults_with_count()
    {
        for (var i = 0; i < 5; i++) _source.Add("account", ("name", $"n{i}"));
        Assert.Equal(2, Fetch("""<fetch top="2"><entity name="account"><attribute name="name" /></entity></fetch>""").Entities.Count);
        FaultAssert.Throws(ErrorCodes.InvalidArgument, () => Fetch("""<fetch top="2" count="2"><entity name="account" /></fetch>"""));
    }

    [Fact]
    public void Fetch_distinct_removes_duplicate_rows()
    {
        _source.Add("account", ("name", "same"));
        _source.Add("account", ("name", "same"));
        _source.Add("account", ("name", "other"));
        var result = Fetch("""<fetch distinct="true"><entity name="account"><attribute name="name" /></entity></fetch>""");
        Assert.Equal(new[] { "same", "other" }, result.Entities.Select(e => (string)e["name"]));
    }

    [Fact]
    public void Fetch_unknown_operator_faults_by_name()
    {
        _source.Add("account", ("name", "x"));
        var fault = FaultAssert.Throws(ErrorCodes.InvalidOperator, () => Fetch(
            """<fetch><entity name="account"><filter><condition attribute="name" operator="sounds-like" value="x" /></filter></entity></fetch>"""));
        Assert.Contains("sounds-like", fault.Message);
        fault = FaultAssert.Throws(ErrorCodes.InvalidOperator, () => Fetch(
            """<fetch><entity name="account"><filter><condition attribute="name" operator="this-fiscal-year" /></filter></entity></fetch>"""));
        Assert.Contains("this-fiscal-year", fault.Message);
    }

    [Fact]
    public void Fetch_valueof_compares_two_columns()
    {
        _source.Add("account", ("name", "same"), ("accountnumber", "SAME"));
        _source.Add("account", ("name", "differs"), ("accountnumber", "x"));
        var result = Fetch("""<fetch><entity name="account"><attribute name="name" /><filter><condition attribute="name" operator="eq" valueof="accountnumber" /></filter></entity></fetch>""");
        Assert.Equal("same", Assert.Single(result.Entities)["name"]);
    }

    [Fact]
    public void Fetch_unknown_table_or_malformed_xml_faults()
    {
        FaultAssert.Throws(ErrorCodes.QueryBuilderNoEntity, () => Fetch("""<fetch><entity name="nosuchtable" /></fetch>"""));
        FaultAssert.Throws(ErrorCodes.InvalidArgument, () => Fetch("<fetch><entity name="));
    }
}

public class FetchXmlAliasTests
{
    [Fact]
    public void Fetch_attribute_alias_returns_an_aliased_value_under_the_alias()
    {
        var source = TestTables.Source();
        source.Add("account", ("name", "Contoso"));
        var result = new QueryEngine(source).RetrieveMultiple(new FetchExpression(
            """<fetch><entity name="account"><attribute name="name" alias="title" /></entity></fetch>"""), TestTables.Context());
        var value = Assert.IsType<AliasedValue>(Assert.Single(result.Entities)["title"]);
        Assert.Equal("name", value.AttributeLogicalName);
        Assert.Equal("Contoso", value.Value);
    }
}
