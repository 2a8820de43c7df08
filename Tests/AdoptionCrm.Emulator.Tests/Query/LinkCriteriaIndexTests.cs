using AdoptionCrm.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests.Query;

/// <summary>
/// A link whose own criteria pin an indexed column of the linked table reads through whichever index
/// is more selective: the criteria's, or the join column's.
/// </summary>
public class LinkCriteriaIndexTests
{
    private static (InMemoryQuerySource Source, Entity Account) AccountWithContacts(int contacts, int elsewhereWithEmail)
    {
        var source = TestTables.Source().Index("contact", "parentcustomerid").Index("contact", "emailaddress1");
        var account = source.Add("account", ("name", "big"));
        for (var i = 0; i < contacts; i++)
            source.Add("contact", ("fullname", $"c{i}"), ("emailaddress1", $"c{i}@x.test"), ("parentcustomerid", new EntityReference("account", account.Id)));
        for (var i = 0; i < elsewhereWithEmail; i++)
            source.Add("contact", ("fullname", $"o{i}"), ("emailaddress1", "c7@x.test"), ("parentcustomerid", new EntityReference("account", Guid.NewGuid())));
        return (source, account);
    }

    private static QueryExpression ContactByEmail(Guid accountId, JoinOperator join, string email = "C7@x.test")
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("accountid", ConditionOperator.Equal, accountId);
        var link = query.AddLink("contact", "accountid", "parentcustomerid", join);
        link.EntityAlias = "c";
        link.Columns.AddColumns("fullname");
        link.LinkCriteria.AddCondition("emailaddress1", ConditionOperator.Equal, email);
        return query;
    }

    [Fact]
    public void Criteria_index_is_read_when_it_matches_fewer_rows_than_the_join_column()
    {
        var (source, account) = AccountWithContacts(contacts: 200, elsewhereWithEmail: 0);
        source.Index("account", "accountid");
        var engine = new QueryEngine(source);

        var row = Assert.Single(engine.RetrieveMultiple(ContactByEmail(account.Id, JoinOperator.Inner), TestTables.Context()).Entities);

        Assert.Equal("c7", ((AliasedValue)row["c.fullname"]).Value);
        Assert.Equal(2, engine.RowsExamined); // the account and the one contact, not the account's 200 contacts
        Assert.False(source.IndexRowsRead.ContainsKey(("contact", "parentcustomerid")));
        Assert.False(source.ScanCount.ContainsKey("contact"));
    }

    [Fact]
    public void Join_column_index_is_read_when_it_is_the_more_selective()
    {
        var (source, account) = AccountWithContacts(contacts: 10, elsewhereWithEmail: 100);
        source.Index("account", "accountid");
        var engine = new QueryEngine(source);

        Assert.Single(engine.RetrieveMultiple(ContactByEmail(account.Id, JoinOperator.Inner), TestTables.Context()).Entities);

        Assert.Equal(11, engine.RowsExamined); // the account and its 10 contacts, not the 101 contacts with that email
        Assert.False(source.IndexRowsRead.ContainsKey(("contact", "emailaddress1")));
    }

    [Fact]
    public void Outer_link_through_the_criteria_index_still_keeps_a_parent_without_a_match()
    {
        var (source, account) = AccountWithContacts(contacts: 50, elsewhereWithEmail: 0);
        var engine = new QueryEngine(source);

        var row = Assert.Single(engine.RetrieveMultiple(ContactByEmail(account.Id, JoinOperator.LeftOuter, "nobody@x.test"), TestTables.Context()).Entities);

        Assert.Equal("big", row["name"]);
        Assert.False(row.Contains("c.fullname"));
        Assert.False(source.IndexRowsRead.ContainsKey(("contact", "parentcustomerid"))); // no contact has that email: nothing to walk
    }

    [Fact]
    public void All_link_still_sees_every_related_row_not_only_the_criteria_matches()
    {
        // "all": related rows exist and none matches the criteria. The account's contacts exist, one matches: no row.
        var (source, account) = AccountWithContacts(contacts: 20, elsewhereWithEmail: 0);
        var other = source.Add("account", ("name", "no match"));
        source.Add("contact", ("fullname", "z"), ("emailaddress1", "z@x.test"), ("parentcustomerid", new EntityReference("account", other.Id)));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        var link = query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.All);
        link.LinkCriteria.AddCondition("emailaddress1", ConditionOperator.Equal, "c7@x.test");

        var names = new QueryEngine(source).RetrieveMultiple(query, TestTables.Context()).Entities.Select(e => (string)e["name"]);

        Assert.Equal(new[] { "no match" }, names);
    }
}
