using AdoptionCrm.Emulator.Query;
using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests;

/// <summary>
/// The real store's index use, measured as a plugin would see it: each plugin service call is logged
/// in ExecutionLog.ServiceCalls with the rows it returned and the rows it examined.
/// </summary>
public class StoreIndexTests
{
    private const string EmailKey = "lead_email_account_key";

    /// <summary>Accounts A and B with <paramref name="perAccount"/> leads each, C with <paramref name="onC"/>; lead has the key (emailaddress1, parentaccountid).</summary>
    private static (EmulatedOrganization Org, Guid A, Guid B, Guid C) Seed(int perAccount, int onC)
    {
        var options = new EmulatorOptions { RegisterShippedPlugins = false, LoadSolutionTables = false };
        options.Tables.Add(new TableDefinition("lead") { Keys = new[] { new KeyDefinition(EmailKey, new[] { "emailaddress1", "parentaccountid" }) } });
        var org = EmulatedOrganization.Create(options);
        var service = org.SystemService;
        var accounts = new[] { "A", "B", "C" }.Select(n => service.Create(new Entity("account") { ["name"] = n })).ToArray();
        for (var a = 0; a < 3; a++)
            for (var i = 0; i < (a == 2 ? onC : perAccount); i++)
                service.Create(new Entity("lead")
                {
                    ["lastname"] = $"{"ABC"[a]}{i}", ["emailaddress1"] = $"p{i}@{"abc"[a]}.test",
                    ["parentaccountid"] = new EntityReference("account", accounts[a]),
                });
        return (org, accounts[0], accounts[1], accounts[2]);
    }

    /// <summary>Runs <paramref name="query"/> from a plugin on contact create and returns that call's log entry.</summary>
    private static (ServiceCallEntry Call, EntityCollection Rows) FromPlugin(EmulatedOrganization org, QueryExpression query, Action<IOrganizationService>? before = null)
    {
        EntityCollection? rows = null;
        org.On("Create", "contact", 40, (context, factory, _) =>
        {
            var service = factory.CreateOrganizationService(context.UserId);
            before?.Invoke(service);
            rows = service.RetrieveMultiple(query);
        });
        org.Log.Clear();
        org.SystemService.Create(new Entity("contact") { ["lastname"] = "trigger" });
        return (org.Log.ServiceCalls.Single(c => c.Request == "RetrieveMultiple"), rows!);
    }

    private static QueryExpression Leads() => new("lead") { ColumnSet = new ColumnSet("lastname") };

    /// <summary>The account, left-outer linked (as <paramref name="alias"/>) to its leads with the email <paramref name="email"/>.</summary>
    private static QueryExpression AccountWithLeadsEmailed(Guid account, string alias, string email)
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("accountid", ConditionOperator.Equal, account);
        var leads = query.AddLink("lead", "accountid", "parentaccountid", JoinOperator.LeftOuter);
        leads.EntityAlias = alias;
        leads.Columns.AddColumns("lastname");
        leads.LinkCriteria.AddCondition("emailaddress1", ConditionOperator.Equal, email);
        return query;
    }

    [Fact]
    public void In_on_a_lookup_column_examines_only_the_rows_of_the_listed_accounts()
    {
        var (org, a, b, _) = Seed(perAccount: 3, onC: 40);
        var query = Leads();
        query.Criteria.AddCondition("parentaccountid", ConditionOperator.In, a, b);

        var (call, rows) = FromPlugin(org, query);

        Assert.Equal(new[] { "A0", "A1", "A2", "B0", "B1", "B2" }, rows.Entities.Select(e => (string)e["lastname"]));
        Assert.Equal((6, 6L), (call.RowsReturned, call.RowsExamined));
    }

    [Fact]
    public void Lookup_names_in_a_result_are_read_in_the_transaction_one_row_per_named_row()
    {
        var (org, a, b, _) = Seed(perAccount: 2, onC: 0);
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname", "parentaccountid") };
        query.Criteria.AddCondition("parentaccountid", ConditionOperator.In, a, b);

        var (call, rows) = FromPlugin(org, query, service => service.Update(new Entity("account", a) { ["name"] = "A renamed" }));

        Assert.Equal(new[] { "A renamed", "A renamed", "B", "B" },
            rows.Entities.Select(e => e.GetAttributeValue<EntityReference>("parentaccountid").Name));
        Assert.Equal((4, 6L), (call.RowsReturned, call.RowsExamined)); // the four leads and the two accounts they name
    }

    [Fact]
    public void Unindexed_filter_examines_the_whole_table()
    {
        var (org, _, _, _) = Seed(perAccount: 3, onC: 40);
        var query = Leads();
        query.Criteria.AddCondition("lastname", ConditionOperator.Equal, "C7");

        var (call, _) = FromPlugin(org, query);

        Assert.Equal((1, 46L), (call.RowsReturned, call.RowsExamined));
    }

    [Fact]
    public void Leading_column_of_a_composite_alternate_key_is_sought_for_In()
    {
        var (org, _, _, _) = Seed(perAccount: 3, onC: 40);
        var query = Leads();
        query.Criteria.AddCondition("emailaddress1", ConditionOperator.In, "P1@A.test", "p30@c.test", "nobody@c.test");

        var (call, rows) = FromPlugin(org, query);

        Assert.Equal(new[] { "A1", "C30" }, rows.Entities.Select(e => (string)e["lastname"]));
        Assert.Equal(2L, call.RowsExamined);
    }

    [Fact]
    public void Link_criteria_on_an_indexed_column_read_that_index_instead_of_the_accounts_leads()
    {
        var (org, _, _, c) = Seed(perAccount: 3, onC: 200);

        var (call, rows) = FromPlugin(org, AccountWithLeadsEmailed(c, "earlier", "p150@c.test"));

        Assert.Equal("C150", ((AliasedValue)Assert.Single(rows.Entities)["earlier.lastname"]).Value);
        Assert.Equal(2L, call.RowsExamined); // the account and one lead, not the account's 200 leads
    }

    [Theory]
    [InlineData("parentaccountid", "A0,A2,B0,N")]
    [InlineData("emailaddress1", "A1,B0")]
    [InlineData("leadid", "A1")]
    public void One_sought_value_finds_what_an_In_of_it_and_a_value_matching_nothing_finds(string column, string expected)
    {
        // Within the create's transaction: A1 moves off account A, B0 moves onto it and takes A1's old email, N is created on A.
        (string Names, long Examined) Run(bool single)
        {
            var (org, a, b, _) = Seed(perAccount: 3, onC: 5);
            var service = org.SystemService;
            Guid Id(string name) => service.RetrieveMultiple(new QueryExpression("lead")
                { Criteria = { Conditions = { new ConditionExpression("lastname", ConditionOperator.Equal, name) } } }).Entities.Single().Id;
            var a1 = Id("A1");
            var b0 = Id("B0");
            object sought = column switch { "parentaccountid" => a, "emailaddress1" => "P1@a.test", _ => a1 };
            object nothing = column == "emailaddress1" ? "nobody@nowhere.test" : Guid.NewGuid();
            var query = Leads();
            if (single) query.Criteria.AddCondition(column, ConditionOperator.Equal, sought);
            else query.Criteria.AddCondition(column, ConditionOperator.In, sought, nothing);
            var (call, rows) = FromPlugin(org, query, s =>
            {
                s.Update(new Entity("lead", a1) { ["parentaccountid"] = new EntityReference("account", b) });
                s.Update(new Entity("lead", b0) { ["parentaccountid"] = new EntityReference("account", a), ["emailaddress1"] = "p1@a.test" });
                s.Create(new Entity("lead") { ["lastname"] = "N", ["emailaddress1"] = "p7@a.test", ["parentaccountid"] = new EntityReference("account", a) });
            });
            return (string.Join(",", rows.Entities.Select(e => (string)e["lastname"])), call.RowsExamined);
        }

        var one = Run(single: true);
        Assert.Equal(expected, one.Names);
        Assert.Equal(Run(single: false), one);
    }

    [Fact]
    public void A_parent_without_linked_rows_reads_none_even_when_the_link_criterion_names_one_row()
    {
        // C has no leads: its join-column count (0) beats the criterion's one row, so nothing but C is read.
        var (org, _, _, c) = Seed(perAccount: 3, onC: 0);

        var (call, rows) = FromPlugin(org, AccountWithLeadsEmailed(c, "lead", "p1@a.test"));

        Assert.False(Assert.Single(rows.Entities).Contains("lead.lastname"));
        Assert.Equal(1L, call.RowsExamined);
    }

    [Fact]
    public void Index_read_in_a_transaction_sees_a_row_it_moved_onto_the_sought_value()
    {
        var (org, a, b, _) = Seed(perAccount: 2, onC: 0);
        var moved = org.SystemService.RetrieveMultiple(new QueryExpression("lead")
        { Criteria = { Conditions = { new ConditionExpression("lastname", ConditionOperator.Equal, "B1") } } }).Entities.Single().Id;
        var query = Leads();
        query.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, a);

        // Within the create's transaction: B1 now points at A, which the committed index does not know yet.
        var (_, rows) = FromPlugin(org, query, service =>
            service.Update(new Entity("lead", moved) { ["parentaccountid"] = new EntityReference("account", a) }));

        Assert.Equal(new[] { "A0", "A1", "B1" }, rows.Entities.Select(e => (string)e["lastname"]));
    }

    [Fact]
    public void A_query_by_primary_id_in_a_transaction_sees_its_own_pending_rows_and_examines_one_row()
    {
        var (org, a, b, _) = Seed(perAccount: 1, onC: 0);
        Guid created = Guid.Empty;
        var results = new List<string?>();
        long examined = 0;
        org.On("Create", "contact", 40, (context, factory, _) =>
        {
            var service = factory.CreateOrganizationService(context.UserId);
            service.Update(new Entity("account", a) { ["name"] = "A renamed" });
            service.Delete("account", b);
            created = service.Create(new Entity("account") { ["name"] = "New" });
            foreach (var id in new[] { a, b, created })
            {
                var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
                query.Criteria.AddCondition("accountid", ConditionOperator.Equal, id);
                results.Add(service.RetrieveMultiple(query).Entities.SingleOrDefault()?.GetAttributeValue<string>("name"));
            }
        });
        org.Log.Clear();
        org.SystemService.Create(new Entity("contact") { ["lastname"] = "trigger" });
        examined = org.Log.ServiceCalls.Where(c => c.Request == "RetrieveMultiple").Sum(c => c.RowsExamined);

        Assert.Equal(new[] { "A renamed", null, "New" }, results);
        Assert.Equal(2L, examined); // the renamed row and the new one; the deleted row is not there to read
    }

    [Fact]
    public void Retrieve_by_id_examines_the_one_row()
    {
        var (org, a, _, _) = Seed(perAccount: 1, onC: 0);
        org.On("Create", "contact", 40, (context, factory, _) =>
            factory.CreateOrganizationService(context.UserId).Retrieve("account", a, new ColumnSet("name")));
        org.Log.Clear();
        org.SystemService.Create(new Entity("contact") { ["lastname"] = "trigger" });
        var call = org.Log.ServiceCalls.Single();
        Assert.Equal(("Retrieve", 1, 1L), (call.Request, call.RowsReturned, call.RowsExamined));
    }

    [Fact]
    public void Committed_updates_move_only_the_index_entries_whose_values_changed()
    {
        var (org, a, b, _) = Seed(perAccount: 2, onC: 0);
        var service = org.SystemService;
        var lead = service.RetrieveMultiple(new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname"), Criteria = { Conditions = { new ConditionExpression("lastname", ConditionOperator.Equal, "A0") } } }).Entities.Single();

        service.Update(new Entity("lead", lead.Id) { ["lastname"] = "A0 renamed" });                       // no indexed column
        service.Update(new Entity("lead", lead.Id) { ["parentaccountid"] = new EntityReference("account", b) }); // lookup and key move
        service.Update(new Entity("lead", lead.Id) { ["emailaddress1"] = "moved@b.test" });               // key's leading column

        // One plugin step runs whichever query is set, so its service calls say how many rows each examined.
        QueryExpression? pending = null;
        EntityCollection? found = null;
        org.On("Create", "contact", 40, (context, factory, _) => found = factory.CreateOrganizationService(context.UserId).RetrieveMultiple(pending!));
        string[] Run(QueryExpression query)
        {
            pending = query;
            org.Log.Clear();
            org.SystemService.Create(new Entity("contact") { ["lastname"] = "trigger" });
            var call = org.Log.ServiceCalls.Single(c => c.Request == "RetrieveMultiple");
            Assert.Equal(call.RowsReturned, call.RowsExamined);
            return found!.Entities.Select(e => (string)e["lastname"]).OrderBy(n => n).ToArray();
        }
        string[] On(Guid account)
        {
            var query = Leads();
            query.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, account);
            return Run(query);
        }
        Assert.Equal(new[] { "A1" }, On(a));
        Assert.Equal(new[] { "A0 renamed", "B0", "B1" }, On(b));
        // The old key (p0@a.test, A) is free again and the new one taken: the old one can be created anew, the new one not.
        service.Create(new Entity("lead") { ["lastname"] = "A0 again", ["emailaddress1"] = "p0@a.test", ["parentaccountid"] = new EntityReference("account", a) });
        Assert.ThrowsAny<Exception>(() => service.Create(new Entity("lead") { ["lastname"] = "dup", ["emailaddress1"] = "moved@b.test", ["parentaccountid"] = new EntityReference("account", b) }));
        var leading = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") };
        leading.Criteria.AddCondition("emailaddress1", ConditionOperator.In, "moved@b.test", "p0@a.test");
        Assert.Equal(new[] { "A0 again", "A0 renamed" }, Run(leading));
    }

    [Fact]
    public void A_number_key_is_one_value_whatever_its_scale_through_updates_and_seeks()
    {
        // A decimal column leads a key here, so the store keeps a leading-column index on a number.
        var options = new EmulatorOptions { RegisterShippedPlugins = false, LoadSolutionTables = false };
        options.Tables.Add(new TableDefinition("account")
        {
            Columns = new Dictionary<string, ColumnDefinition> { ["adopt_weight"] = new("adopt_weight", ColumnType.Decimal) { Precision = 4 } },
            Keys = new[] { new KeyDefinition("weight_name_key", new[] { "adopt_weight", "name" }) },
        });
        var org = EmulatedOrganization.Create(options);
        var service = org.SystemService;
        var id = service.Create(new Entity("account") { ["name"] = "Contoso", ["adopt_weight"] = 1.5m });
        // One step runs the query of the moment from a plugin, where the log counts the rows it examined.
        QueryExpression? asked = null;
        EntityCollection? rows = null;
        org.On("Create", "contact", 40, (context, factory, _) => rows = factory.CreateOrganizationService(context.UserId).RetrieveMultiple(asked!));
        (Entity? Row, long Examined) Ask(decimal value)
        {
            asked = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            asked.Criteria.AddCondition("adopt_weight", ConditionOperator.Equal, value);
            org.Log.Clear();
            service.Create(new Entity("contact") { ["lastname"] = "trigger" });
            return (rows!.Entities.SingleOrDefault(), org.Log.ServiceCalls.Single(c => c.Request == "RetrieveMultiple").RowsExamined);
        }
        Entity? Found(decimal value) => Ask(value).Row;

        // The same number at another scale: the index entry stays right, and either spelling finds the row by a seek.
        service.Update(new Entity("account", id) { ["adopt_weight"] = 1.50m });
        Assert.Equal(id, Found(1.50m)?.Id);
        Assert.Equal(id, Found(1.5m)?.Id);
        Assert.Equal(1L, Ask(1.5m).Examined);

        // A real change moves the entry: the old number finds nothing, the new one the row.
        service.Update(new Entity("account", id) { ["adopt_weight"] = 2m });
        Assert.Null(Found(1.5m));
        Assert.Equal(id, Found(2.00m)?.Id);

        // Deleted, nothing is left behind under any spelling.
        service.Delete("account", id);
        Assert.Null(Found(2m));
        Assert.Null(Found(1.5m));
    }
}
