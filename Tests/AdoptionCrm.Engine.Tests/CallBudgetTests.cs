using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Engine.Tests;

/// <summary>
/// The work per lead create, read from the emulator's log of the plugins' service calls (every
/// IOrganizationService call a plugin makes, with the rows it returned and examined), the same for a
/// company with 10 people as with 1,000 (1,000,000 is the benchmark's). Inside the signup's transaction:
/// the linking's two reads. After it, in the asynchronous step (SignupDelivery): one read of the company with the
/// person's adopter and the account, and one company Update with IfRowVersionMatches whose synchronous step writes
/// the adopter and the account (against the version read) in the same transaction. The log lists a call when it
/// returns, so an Update comes after the calls of the step that runs inside it.
/// </summary>
public class CallBudgetTests
{
    private const string Settings = "RetrieveMultiple adopt_adoptionsettings";
    private const string Claims = "RetrieveMultiple adopt_accountdomain";
    private const string ReadAdopter = "RetrieveMultiple adopt_adopter";
    private const string CreateAdopter = "Create adopt_adopter";
    private const string UpdateAdopter = "Update adopt_adopter";
    private const string ReadCompany = "RetrieveMultiple adopt_company";   // the company, the person's adopter and the account, in one query
    private const string CompanyWrite = "Update adopt_company";   // the company step's write of what changed
    private const string CompanyLock = "Update adopt_company";    // the async step's request; took the lock, returns last
    private const string CompanyConditional = "Update adopt_company";   // the async step's write against the company's version; returns last
    private const string AccountWrite = "Update account";
    private const string AccountLock = "Update account";
    
    private sealed record Budget(IReadOnlyList<string> Calls, int Rows, long Examined);

    /// <summary>An account with existingLeads adopters (one bulk load), then the measured create.</summary>
    private static Budget Measure(int existingLeads, string email, Action<Entity>? settings = null, TimeSpan? after = null, bool rowVersionIsVersionNumber = true,
        bool queryRowsCarryRowVersion = true)
    {
        var e = new EngineOrg(options: o => { o.RowVersionIsVersionNumberText = rowVersionIsVersionNumber; o.QueryRowsCarryRowVersion = queryRowsCarryRowVersion; });
        e.Settings(settings);
        var contoso = e.Account("Contoso", domains: "contoso.com");
        var requests = new OrganizationRequestCollection();
        for (var i = 0; i < existingLeads; i++)
        {
            requests.Add(new OrganizationRequest("Create") { ["Target"] = new Entity(LeadColumns.EntityName) { [LeadColumns.LastName] = "S", [LeadColumns.EmailAddress1] = $"old{i}@contoso.com" } });
            if (requests.Count == 1000 || i == existingLeads - 1)
            {
                e.Service.Execute(new OrganizationRequest("ExecuteMultiple") { ["Requests"] = requests, ["Settings"] = new ExecuteMultipleSettings { ContinueOnError = false } });
                requests = new OrganizationRequestCollection();
            }
        }
        Assert.Equal(existingLeads, e.Adopters(contoso));
        if (after != null) e.Org.Clock.Advance(after.Value);
        e.Org.Log.Clear();
        e.Lead(email);
        var calls = e.Org.Log.ServiceCalls;
        Assert.Single(calls.Select(c => c.CorrelationId).Distinct());
        return new Budget(calls.Select(c => $"{c.Request} {c.Table}:{c.RowsReturned}").ToList(), calls.Sum(c => c.RowsReturned), calls.Sum(c => c.RowsExamined));
    }

    private static void SameAtBothSizes(Budget small, Budget large)
    {
        Assert.Equal(small.Calls, large.Calls);
        Assert.Equal(small.Rows, large.Rows);
        // Rows the calls read (scanned or through an index), not only those returned: nothing walks the account's leads.
        Assert.Equal(small.Examined, large.Examined);
    }

    [Fact]
    public void New_adopter_costs_6_calls_2_of_them_in_the_signup_at_10_and_1000_people()
    {
        var small = Measure(10, "new.person@contoso.com");
        var large = Measure(1000, "new.person@contoso.com");
        SameAtBothSizes(small, large);
        Assert.Equal(new[] { Settings + ":1", Claims + ":1", ReadCompany + ":1", CreateAdopter + ":0", AccountWrite + ":0", CompanyConditional + ":0" }, large.Calls);
    }

    [Fact]
    public void Returning_adopter_costs_the_same_6_calls_and_is_recognised_by_its_adopter_row()
    {
        var small = Measure(10, "old3@contoso.com", after: TimeSpan.FromDays(1));
        var large = Measure(1000, "old3@contoso.com", after: TimeSpan.FromDays(1));
        SameAtBothSizes(small, large);
        Assert.Equal(new[] { Settings + ":1", Claims + ":1", ReadCompany + ":1", UpdateAdopter + ":0", AccountWrite + ":0", CompanyConditional + ":0" }, large.Calls);
    }

    /// <summary>
    /// The other answer to what the docs leave open (EmulatorOptions.RowVersionIsVersionNumberText = false: a
    /// versionnumber read as a column is not a RowVersion): the company's own RowVersion still works, and the read
    /// shows the versionnumber does not spell it, so the account's change goes through the account's lock: 7 calls.
    /// </summary>
    [Fact]
    public void When_a_versionnumber_is_not_a_RowVersion_a_signup_costs_7_calls_and_counts_exactly()
    {
        var small = Measure(10, "new.person@contoso.com", rowVersionIsVersionNumber: false);
        var large = Measure(1000, "new.person@contoso.com", rowVersionIsVersionNumber: false);
        SameAtBothSizes(small, large);
        Assert.Equal(new[] { Settings + ":1", Claims + ":1", ReadCompany + ":1", CreateAdopter + ":0", AccountWrite + ":0", AccountLock + ":0", CompanyConditional + ":0" }, large.Calls);
        var returning = Measure(10, "old3@contoso.com", after: TimeSpan.FromDays(1), rowVersionIsVersionNumber: false);
        Assert.Equal(new[] { Settings + ":1", Claims + ":1", ReadCompany + ":1", UpdateAdopter + ":0", AccountWrite + ":0", AccountLock + ":0", CompanyConditional + ":0" }, returning.Calls);
    }

    /// <summary>
    /// The other answer to a second open question (EmulatorOptions.QueryRowsCarryRowVersion = false: query rows come
    /// back without a RowVersion): the read cannot give the company's version, so nothing is sent optimistically and
    /// the signup takes the company's lock: 9 calls, still flat and exact.
    /// </summary>
    [Fact]
    public void When_query_rows_carry_no_RowVersion_a_signup_takes_the_companys_lock_at_any_size()
    {
        var small = Measure(10, "new.person@contoso.com", queryRowsCarryRowVersion: false);
        var large = Measure(1000, "new.person@contoso.com", queryRowsCarryRowVersion: false);
        SameAtBothSizes(small, large);
        // The signup's 2, the read, then the company's lock (its Update returns last, after the step's 5 calls inside it): 9.
        Assert.Equal(new[] { Settings + ":1", Claims + ":1", ReadCompany + ":1", ReadAdopter + ":0", CreateAdopter + ":0", AccountWrite + ":0", AccountLock + ":0", CompanyWrite + ":0", CompanyLock + ":0" }, large.Calls);
    }

    /// <summary>
    /// Days that left the window since the company's last write: their people are uncounted inside the same
    /// conditional Update (one query, one write per person, each person once in their life), not through the lock.
    /// </summary>
    [Fact]
    public void A_signup_after_days_left_the_window_uncounts_their_people_inside_the_optimistic_write()
    {
        var budget = Measure(10, "new.person@contoso.com", after: TimeSpan.FromDays(61));
        var uncount = Enumerable.Repeat(UpdateAdopter + ":0", 10);
        Assert.Equal(new[] { Settings + ":1", Claims + ":1", ReadCompany + ":1", CreateAdopter + ":0", ReadAdopter + ":10" }.Concat(uncount)
            .Concat(new[] { AccountWrite + ":0", CompanyConditional + ":0" })
            // Ten people down to one: the stage falls (Spreading to Individual), and its history is recorded.
            .Concat(new[] { Settings + ":1", "RetrieveMultiple account:1", "Create adopt_stagechange:0" }), budget.Calls);
    }

    /// <summary>
    /// The uncount seeks the leaving days' people by adopt_companyday: it reads the three people whose day left, not the
    /// company's other adopters, at 20 or 2,000 of them (the same rows examined), and the lock path seeks the same way.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_uncount_reads_only_the_people_whose_day_left_the_window_at_any_company_size(bool queryRowsCarryRowVersion)
    {
        long Examined(int stayers)
        {
            var e = new EngineOrg(options: o => o.QueryRowsCarryRowVersion = queryRowsCarryRowVersion);
            var contoso = e.Account("Contoso", domains: "contoso.com");
            for (var i = 0; i < 3; i++) e.Lead($"leaving{i}@contoso.com");
            e.Org.Clock.Advance(TimeSpan.FromDays(30));
            for (var batch = 0; batch < stayers; batch += 1000)
            {
                var requests = new OrganizationRequestCollection();
                for (var i = batch; i < Math.Min(stayers, batch + 1000); i++)
                    requests.Add(new OrganizationRequest("Create") { ["Target"] = new Entity(LeadColumns.EntityName) { [LeadColumns.LastName] = "S", [LeadColumns.EmailAddress1] = $"stays{i}@contoso.com" } });
                e.Service.Execute(new OrganizationRequest("ExecuteMultiple") { ["Requests"] = requests, ["Settings"] = new ExecuteMultipleSettings { ContinueOnError = false } });
            }
            e.Org.Clock.Advance(TimeSpan.FromDays(31));
            e.Org.Log.Clear();
            e.Lead("new.person@contoso.com");
            Assert.Equal(stayers + 1, e.Adopters(contoso));
            Assert.Equal(stayers + 1, e.CountedAdopters());
            var calls = e.Org.Log.ServiceCalls;
            Assert.Equal(3, calls.Count(c => $"{c.Request} {c.Table}" == UpdateAdopter && c.RowsReturned == 0));
            return calls.Where(c => $"{c.Request} {c.Table}" == ReadAdopter).Sum(c => c.RowsExamined);
        }
        var small = Examined(20);
        Assert.Equal(small, Examined(2000));
        Assert.True(small <= 4, $"the uncount examined {small} rows for 3 people leaving");
    }

    [Theory]
    [InlineData(59, 11, false)]   // day 0 is still the window's first day
    [InlineData(60, 1, true)]     // day 0 just left it
    public void The_window_edge_decides_who_is_uncounted_and_the_counted_rows_match_the_people(int days, int people, bool uncounts)
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso", domains: "contoso.com");
        for (var i = 0; i < 10; i++) e.Lead($"old{i}@contoso.com");
        e.Org.Clock.Advance(TimeSpan.FromDays(days));
        e.Org.Log.Clear();
        e.Lead("new.person@contoso.com");
        Assert.Equal(people, e.Adopters(contoso));
        Assert.Equal(people, e.CountedAdopters());
        var calls = e.Org.Log.ServiceCalls.Select(c => $"{c.Request} {c.Table}").ToList();
        Assert.Equal(uncounts ? 10 : 0, calls.Count(c => c == UpdateAdopter));
        Assert.DoesNotContain(calls.Take(6), c => c == "Create adopt_company");
        Assert.Equal(1, calls.Count(c => c == CompanyConditional));   // one company write: the conditional one, no lock
    }

    [Fact]
    public void More_people_leaving_than_a_plan_uncounts_take_the_lock_and_count_exactly()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso", domains: "contoso.com");
        var requests = new OrganizationRequestCollection();
        for (var i = 0; i <= CompanyRecompute.PlannedUncountLimit; i++)
            requests.Add(new OrganizationRequest("Create") { ["Target"] = new Entity(LeadColumns.EntityName) { [LeadColumns.LastName] = "S", [LeadColumns.EmailAddress1] = $"old{i}@contoso.com" } });
        e.Service.Execute(new OrganizationRequest("ExecuteMultiple") { ["Requests"] = requests, ["Settings"] = new ExecuteMultipleSettings { ContinueOnError = false } });
        e.Org.Clock.Advance(TimeSpan.FromDays(61));
        e.Org.Log.Clear();
        e.Lead("new.person@contoso.com");
        Assert.Equal(1, e.Adopters(contoso));
        Assert.Equal(1, e.CountedAdopters());
        var calls = e.Org.Log.ServiceCalls.Select(c => $"{c.Request} {c.Table}").ToList();
        Assert.Equal(CompanyRecompute.PlannedUncountLimit + 1, calls.Count(c => c == UpdateAdopter));
        Assert.Equal(2, calls.Count(c => c == CompanyLock));   // the lock's Update and the step's own write of the company
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Signups_count_exactly_under_either_answer(bool rowVersionIsVersionNumber, bool queryRowsCarryRowVersion)
    {
        var e = new EngineOrg(options: o => { o.RowVersionIsVersionNumberText = rowVersionIsVersionNumber; o.QueryRowsCarryRowVersion = queryRowsCarryRowVersion; });
        var contoso = e.Account("Contoso", domains: "contoso.com");
        for (var i = 0; i < 12; i++) e.Lead($"p{i}@contoso.com");
        e.Lead("p3@contoso.com");
        e.Org.Clock.Advance(TimeSpan.FromDays(2));
        e.Lead("p4@contoso.com");
        Assert.Equal(12, e.Adopters(contoso));
        var company = e.Service.Retrieve(CompanyColumns.EntityName, AdoptionCrm.Plugins.Adoption.RowIds.Company("contoso.com"), new Microsoft.Xrm.Sdk.Query.ColumnSet(CompanyColumns.People, CompanyColumns.Buckets));
        Assert.Equal(12, company.GetAttributeValue<int>(CompanyColumns.People));
        Assert.Equal(company.GetAttributeValue<string>(CompanyColumns.Buckets), e.AccountRow(contoso).GetAttributeValue<string>(AccountColumns.AdoptionBuckets));
        Assert.Equal(AdoptionStage.Spreading, e.Stage(contoso));
        Assert.NotEmpty(e.Tasks(contoso));   // the play still fires on the account's stage change
    }

    /// <summary>
    /// The account changes between the signup's read and its write (another company of the account, or any writer):
    /// the account's write is refused, the company's Update rolls back with the adopter's, and the step sends the same
    /// change once more with the account through its lock (4 calls more than the 6, all of them logged).
    /// </summary>
    [Fact]
    public void An_account_changed_since_the_read_is_refused_and_the_signup_goes_through_the_accounts_lock_exactly()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso", domains: "contoso.com");
        for (var i = 0; i < 5; i++) e.Lead($"p{i}@contoso.com");
        e.Org.RegisterPlugin<AccountTouchPlugin>();
        AccountTouchPlugin.Account = contoso;
        e.Org.Log.Clear();
        e.Lead("new.person@contoso.com");
        var calls = e.Org.Log.ServiceCalls.Select(c => $"{c.Request} {c.Table}").ToList();
        Assert.Equal(new[]
        {
            "RetrieveMultiple adopt_adoptionsettings", "RetrieveMultiple adopt_accountdomain", "RetrieveMultiple adopt_company",
            "Update account", "Create adopt_adopter", "Update account", "Update adopt_company",            // refused: rolled back
            "Update account", "Create adopt_adopter", "Update account", "Update account", "Update adopt_company",   // the account through its lock
        }, calls);
        Assert.Equal(6, e.Adopters(contoso));
        var company = e.Service.Retrieve(CompanyColumns.EntityName, AdoptionCrm.Plugins.Adoption.RowIds.Company("contoso.com"), new Microsoft.Xrm.Sdk.Query.ColumnSet(CompanyColumns.People, CompanyColumns.Buckets));
        Assert.Equal(6, company.GetAttributeValue<int>(CompanyColumns.People));
        Assert.Equal(company.GetAttributeValue<string>(CompanyColumns.Buckets), e.AccountRow(contoso).GetAttributeValue<string>(AccountColumns.AdoptionBuckets));
    }

    [Fact]
    public void A_company_without_an_account_costs_5_calls()
    {
        var e = new EngineOrg();
        for (var i = 0; i < 20; i++) e.Lead($"p{i}@acmerobotics.com");
        e.Org.Log.Clear();
        e.Lead("new.person@acmerobotics.com");
        Assert.Equal(new[] { Settings + ":0", Claims + ":0", ReadCompany + ":1", CreateAdopter + ":0", CompanyConditional + ":0" },
            e.Org.Log.ServiceCalls.Select(c => $"{c.Request} {c.Table}:{c.RowsReturned}"));
    }

    /// <summary>The lock path, for what the optimistic one leaves to it: a company's first signup creates the row.</summary>
    [Fact]
    public void A_companys_first_signup_takes_the_lock_path()
    {
        var e = new EngineOrg();
        e.Account("Contoso", domains: "contoso.com");
        e.Org.Log.Clear();
        e.Lead("first@contoso.com");
        var calls = e.Org.Log.ServiceCalls.Select(c => $"{c.Request} {c.Table}:{c.RowsReturned}").ToList();
        // The signup's own calls (the stage rises, so the play's follow in their own job).
        Assert.Equal(new[] { Settings + ":0", Claims + ":1", ReadCompany + ":0", CompanyLock + ":0", ReadAdopter + ":0", CreateAdopter + ":0", AccountWrite + ":0", AccountLock + ":0", CompanyWrite + ":0", "Create adopt_company:0" },
            calls.Take(calls.IndexOf("Create adopt_company:0") + 1));
    }

    [Fact]
    public void Excluded_signup_costs_the_one_settings_and_rules_read()
    {
        var small = Measure(10, "someone@gmail.com");
        var large = Measure(1000, "someone@gmail.com");
        SameAtBothSizes(small, large);
        Assert.Equal(new[] { Settings + ":1" }, large.Calls);
    }

    [Fact]
    public void Bytes_written_per_signup_do_not_grow_with_the_company()
    {
        static long Written(int people)
        {
            var e = new EngineOrg();
            e.Account("Contoso", domains: "contoso.com");
            for (var i = 0; i < people; i++) e.Lead($"p{i}@contoso.com", drain: false);
            e.Drain();
            var company = e.Service.Retrieve(CompanyColumns.EntityName, AdoptionCrm.Plugins.Adoption.RowIds.Company("contoso.com"), new Microsoft.Xrm.Sdk.Query.ColumnSet(true));
            return company.Attributes.Values.Sum(v => v?.ToString()?.Length ?? 0);
        }
        // The company row (what every signup reads in its image and writes back) is bounded by the window, not the people.
        Assert.InRange(Written(300), 0, 8 * 1024);
        Assert.Equal(Written(30) / 100, Written(300) / 100);
    }
}
