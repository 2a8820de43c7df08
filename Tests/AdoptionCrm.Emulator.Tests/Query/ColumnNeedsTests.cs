using AdoptionCrm.Emulator.Query;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests.Query;

public class ColumnNeedsTests
{
    private static BoundQuery Bind(QueryExpression query) => QueryBinder.Bind(TestTables.Source(), QueryExpressionReader.Read(query));

    [Fact]
    public void Each_slot_reads_what_it_returns_filters_joins_and_sorts_on_and_its_key()
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("numberofemployees", ConditionOperator.GreaterThan, 10);
        query.AddOrder("createdon", OrderType.Descending);
        var contact = query.AddLink("contact", "primarycontactid", "contactid");
        contact.EntityAlias = "pc";
        contact.Columns = new ColumnSet("fullname");
        contact.LinkCriteria.AddCondition("emailaddress1", ConditionOperator.NotNull);

        var needs = Bind(query).Needs;

        Assert.Equal(new[] { "accountid", "createdon", "name", "numberofemployees", "primarycontactid" }, needs[0]!.OrderBy(c => c, StringComparer.Ordinal));
        Assert.Equal(new[] { "contactid", "emailaddress1", "fullname" }, needs[1]!.OrderBy(c => c, StringComparer.Ordinal));
    }

    [Fact]
    public void A_slot_that_returns_all_columns_reads_them_all()
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet(true) };
        var contact = query.AddLink("contact", "primarycontactid", "contactid");
        contact.Columns = new ColumnSet("fullname");

        var needs = Bind(query).Needs;

        Assert.Null(needs[0]);
        Assert.Equal(new[] { "contactid", "fullname" }, needs[1]!.OrderBy(c => c, StringComparer.Ordinal));
    }

    [Fact]
    public void A_condition_on_a_linked_alias_and_a_column_comparison_are_read_from_their_own_slots()
    {
        var spec = FetchXmlReader.Read(@"<fetch><entity name='account'><attribute name='name' />
            <filter><condition entityname='pc' attribute='fullname' operator='eq' value='Ann' />
                    <condition attribute='accountnumber' operator='eq' valueof='pc.emailaddress1' /></filter>
            <link-entity name='contact' from='contactid' to='primarycontactid' alias='pc' /></entity></fetch>");

        var needs = QueryBinder.Bind(TestTables.Source(), spec).Needs;

        Assert.Equal(new[] { "accountid", "accountnumber", "name", "primarycontactid" }, needs[0]!.OrderBy(c => c, StringComparer.Ordinal));
        Assert.Equal(new[] { "contactid", "emailaddress1", "fullname" }, needs[1]!.OrderBy(c => c, StringComparer.Ordinal));
    }
}
