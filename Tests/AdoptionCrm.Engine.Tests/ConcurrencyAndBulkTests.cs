using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Engine.Tests;

public class ConcurrencyAndBulkTests
{
    [Fact]
    public void Eight_threads_creating_leads_for_one_account_give_exact_counts_and_one_play()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso", domains: "contoso.com");
        const int threads = 8, perThread = 5;
        var start = new Barrier(threads);
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            start.SignalAndWait();
            for (var i = 0; i < perThread; i++)
            {
                e.Lead($"t{t}p{i}@contoso.com");
                e.Lead($"t{t}p{i}@contoso.com"); // the same person again, racing the others: still one adopter
            }
        });
        Assert.Equal(threads * perThread, e.Adopters(contoso));
        Assert.Equal(AdoptionStage.EnterpriseReady, e.Stage(contoso));
        // One living play, escalated to the top stage however the jobs interleaved.
        var play = Assert.Single(e.Tasks(contoso));
        Assert.Equal((int)AdoptionStage.EnterpriseReady, play.GetAttributeValue<OptionSetValue>(TaskColumns.AdoptionStage).Value);
    }

    /// <summary>
    /// A burst at one company with an account, its system jobs run at once (the async service is parallel): the
    /// optimistic writes collide, each refused one falls back (the account through its lock, or the company's lock),
    /// and the counts are exact under either answer to whether a versionnumber is a RowVersion.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_burst_at_one_company_under_the_optimistic_path_gives_exact_counts(bool rowVersionIsVersionNumber)
    {
        var e = new EngineOrg(options: o => o.RowVersionIsVersionNumberText = rowVersionIsVersionNumber);
        var contoso = e.Account("Contoso", domains: "contoso.com");
        var fabrikam = e.Account("Fabrikam", domains: "fabrikam.com");
        e.Domain(fabrikam, "fabrikam.net");
        foreach (var domain in new[] { "contoso.com", "fabrikam.com", "fabrikam.net" }) e.Lead("first@" + domain);   // the company rows exist
        e.Org.Log.Clear();
        const int people = 24;
        for (var i = 0; i < people; i++)
        {
            e.Lead($"p{i}@contoso.com", drain: false);
            e.Lead($"p{i % 6}@contoso.com", drain: false);   // returning people in the same burst
            e.Lead($"q{i}@" + (i % 2 == 0 ? "fabrikam.com" : "fabrikam.net"), drain: false);   // two companies of one account
        }
        var start = new Barrier(4);
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ => { start.SignalAndWait(); e.Drain(); });
        e.Drain();

        var calls = e.Org.Log.ServiceCalls;
        Assert.Contains(calls, c => c.Request == "Update" && c.Table == CompanyColumns.EntityName && c.Succeeded && c.Depth == 2);
        Assert.Equal(people + 1, e.Adopters(contoso));
        Assert.Equal(people + 2, e.Adopters(fabrikam));   // first@ counts once at each of its two companies
        foreach (var (account, domains) in new[] { (contoso, new[] { "contoso.com" }), (fabrikam, new[] { "fabrikam.com", "fabrikam.net" }) })
        {
            var sum = new AdoptionCrm.Plugins.Adoption.DayBuckets();
            foreach (var domain in domains)
            {
                var company = e.Service.Retrieve(CompanyColumns.EntityName, AdoptionCrm.Plugins.Adoption.RowIds.Company(domain), new Microsoft.Xrm.Sdk.Query.ColumnSet(CompanyColumns.Buckets));
                sum.AddAll(AdoptionCrm.Plugins.Adoption.DayBuckets.Parse(company.GetAttributeValue<string>(CompanyColumns.Buckets)), 1);
            }
            Assert.Equal(sum.ToString(), e.AccountRow(account).GetAttributeValue<string>(AccountColumns.AdoptionBuckets));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_burst_after_days_left_the_window_uncounts_each_person_once_and_counts_exactly(bool rowVersionIsVersionNumber)
    {
        var e = new EngineOrg(options: o => o.RowVersionIsVersionNumberText = rowVersionIsVersionNumber);
        var contoso = e.Account("Contoso", domains: "contoso.com");
        for (var i = 0; i < 10; i++) e.Lead($"old{i}@contoso.com");
        e.Org.Clock.Advance(TimeSpan.FromDays(61));   // all ten left the window
        const int people = 24;
        for (var i = 0; i < people; i++)
        {
            e.Lead($"p{i}@contoso.com", drain: false);
            if (i < 3) e.Lead($"old{i}@contoso.com", drain: false);   // three of them come back in the same burst
        }
        var start = new Barrier(4);
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ => { start.SignalAndWait(); e.Drain(); });
        e.Drain();

        Assert.Equal(people + 3, e.Adopters(contoso));
        var company = e.Service.Retrieve(CompanyColumns.EntityName, AdoptionCrm.Plugins.Adoption.RowIds.Company("contoso.com"), new Microsoft.Xrm.Sdk.Query.ColumnSet(CompanyColumns.People, CompanyColumns.Buckets));
        Assert.Equal(people + 3, company.GetAttributeValue<int>(CompanyColumns.People));
        Assert.Equal(people + 3, e.CountedAdopters());
        Assert.Equal(company.GetAttributeValue<string>(CompanyColumns.Buckets), e.AccountRow(contoso).GetAttributeValue<string>(AccountColumns.AdoptionBuckets));
    }

    [Fact]
    public void Concurrent_signups_of_an_unknown_company_create_one_account()
    {
        var e = new EngineOrg();
        var ops = e.Org.CreateUser("Olga", "Ops");
        e.Settings(s => { s[AdoptionSettingsColumns.AutoCreateAccounts] = true; s[AdoptionSettingsColumns.AutoCreateMinPeople] = 2; s[AdoptionSettingsColumns.FallbackUserId] = new EntityReference("systemuser", ops); });
        // The signups commit at once; their system jobs then run at once too (the async service is parallel).
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => e.Lead($"p{i}@wingtip.com", drain: false));
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ => e.Drain());
        e.Drain();
        var account = Assert.Single(e.Accounts());
        Assert.Equal(8, e.Adopters(account.Id));
    }

    [Fact]
    public void CreateMultiple_gives_the_same_result_as_one_by_one_creates()
    {
        var emails = Enumerable.Range(0, 12).Select(i => $"p{i % 10}@contoso.com").Concat(new[] { "x@gmail.com", "bad", "y@fabrikam.com" }).ToList();

        var single = new EngineOrg();
        var singleContoso = single.Account("Contoso", domains: "contoso.com");
        var singleFabrikam = single.Account("Fabrikam", domains: "fabrikam.com");
        foreach (var email in emails) single.Lead(email);

        var bulk = new EngineOrg();
        var bulkContoso = bulk.Account("Contoso", domains: "contoso.com");
        var bulkFabrikam = bulk.Account("Fabrikam", domains: "fabrikam.com");
        var targets = new EntityCollection(emails.Select(m => new Entity(LeadColumns.EntityName) { [LeadColumns.LastName] = "S", [LeadColumns.EmailAddress1] = m }).ToList()) { EntityName = LeadColumns.EntityName };
        bulk.Service.Execute(new OrganizationRequest("CreateMultiple") { ["Targets"] = targets });

        Assert.Equal(single.Adopters(singleContoso), bulk.Adopters(bulkContoso));
        Assert.Equal(10, bulk.Adopters(bulkContoso));
        Assert.Equal(single.Stage(singleContoso), bulk.Stage(bulkContoso));
        Assert.Equal(single.Adopters(singleFabrikam), bulk.Adopters(bulkFabrikam));
        int[] Plays(EngineOrg org) => org.Tasks().Select(t => t.GetAttributeValue<OptionSetValue>(TaskColumns.AdoptionStage).Value).OrderBy(v => v).ToArray();
        Assert.Equal(Plays(single), Plays(bulk));
        Assert.NotEmpty(Plays(bulk));
    }

    [Fact]
    public void ExecuteMultiple_gives_the_same_result_as_one_by_one_creates()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso", domains: "contoso.com");
        var requests = new OrganizationRequestCollection();
        for (var i = 0; i < 9; i++)
            requests.Add(new OrganizationRequest("Create") { ["Target"] = new Entity(LeadColumns.EntityName) { [LeadColumns.LastName] = "S", [LeadColumns.EmailAddress1] = $"p{i}@contoso.com" } });
        e.Service.Execute(new OrganizationRequest("ExecuteMultiple")
        {
            ["Requests"] = requests,
            ["Settings"] = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = false },
        });
        Assert.Equal(9, e.Adopters(contoso));
        Assert.Equal(AdoptionStage.Spreading, e.Stage(contoso));
        Assert.Equal((int)AdoptionStage.Spreading, Assert.Single(e.Tasks(contoso)).GetAttributeValue<OptionSetValue>(TaskColumns.AdoptionStage).Value);
    }
}
