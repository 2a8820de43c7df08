using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Engine.Tests;

/// <summary>Account domain rows over their life: as typed, moved at any size, and with subdomains kept apart.</summary>
public class DomainRowLifecycleTests
{
    [Theory]
    [InlineData("www.contoso.com")]
    [InlineData("@contoso.com")]
    [InlineData("https://contoso.com")]
    [InlineData("HTTPS://WWW.Contoso.COM:443/about?x=1")]
    [InlineData("  Contoso.com.  ")]
    public void Account_domain_typed_as_a_url_www_or_email_suffix_is_stored_as_the_domain_and_matches(string typed)
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso");
        var row = e.Domain(contoso, typed);
        Assert.Equal("contoso.com", e.Service.Retrieve(AccountDomainColumns.EntityName, row, new ColumnSet(AccountDomainColumns.Name)).GetAttributeValue<string>(AccountDomainColumns.Name));
        Assert.Equal(contoso, EngineOrg.Parent(e.LeadRow(e.Lead("ann@contoso.com"))));
    }

    [Theory]
    [InlineData("not a domain")]
    [InlineData("*.contoso.com")]
    [InlineData("localhost")]
    [InlineData("https://")]
    public void Account_domain_that_is_not_a_domain_is_refused_naming_the_field(string typed)
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso");
        var error = Assert.ThrowsAny<Exception>(() => e.Domain(contoso, typed));
        Assert.Contains(AccountDomainColumns.Name, error.Message);
    }

    [Fact]
    public void Renaming_a_domain_row_is_normalised_as_well()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso");
        var row = e.Domain(contoso, "fabrikam.com");
        e.Service.Update(new Entity(AccountDomainColumns.EntityName, row) { [AccountDomainColumns.Name] = "https://www.Contoso.com/" });
        Assert.Equal("contoso.com", e.Service.Retrieve(AccountDomainColumns.EntityName, row, new ColumnSet(AccountDomainColumns.Name)).GetAttributeValue<string>(AccountDomainColumns.Name));
    }

    /// <summary>
    /// More people than eight batches: a chain of asynchronous steps that re-trigger one another gains Depth per
    /// hop and is stopped at 8 (the emulator refuses the ninth level as the platform does), so the move must not
    /// depend on one. Every adopter and lead moves, and no execution of the move handles more than a batch.
    /// </summary>
    [Fact]
    public void Moving_a_domain_with_more_people_than_eight_batches_moves_every_adopter_and_lead_in_bounded_batches()
    {
        var e = new EngineOrg(options: o => o.ExecutionLogCapacity = null); // every batch's trace is read below
        var old = e.Account("Old Contoso", domains: "contoso.com");
        int people = 9 * CompanyMover.BatchSize + 7;
        BulkLeads(e, people, i => $"p{i}@contoso.com");
        Assert.Equal(people, e.Adopters(old));

        var moved = e.Account("Contoso");
        e.Domain(moved, "contoso.com", primary: true); // the primary row outranks the old account's claim

        Assert.Equal(people, e.Adopters(moved));
        Assert.Equal(0, e.Adopters(old));
        Assert.All(Leads(e), lead => Assert.Equal(moved, EngineOrg.Parent(lead)));
        Assert.All(AdoptersOf(e, "contoso.com"), a => Assert.Equal(moved, a.GetAttributeValue<EntityReference>(AdopterColumns.AccountId)?.Id));
        Assert.DoesNotContain(e.Org.AsyncQueue.Jobs, j => j.StatusCode == AdoptionCrm.Emulator.Pipeline.AsyncQueue.Failed);
        var batches = e.Org.Log.Entries.Where(x => x.TraceText.Contains("Moved ") && x.TraceText.Contains(" adopter(s) of company")).ToList();
        Assert.True(batches.Count > 8, "the move ran in " + batches.Count + " execution(s)");
        Assert.All(batches, b => Assert.True(MovedIn(b.TraceText) <= CompanyMover.BatchSize, b.TraceText));
    }

    /// <summary>
    /// The deepest chain the engine starts: a signup whose company reaches auto-creation creates the account, whose
    /// website adds the domain row, whose step relinks the company, whose move plans the batches. Every person
    /// already there moves, several batches deep into that chain.
    /// </summary>
    [Fact]
    public void An_auto_created_account_takes_every_person_of_a_big_company_at_the_end_of_the_deepest_chain()
    {
        var e = new EngineOrg(options: o => o.ExecutionLogCapacity = null);
        var ops = e.Org.CreateUser("Olga", "Ops");
        var settings = e.Settings(s => s[AdoptionSettingsColumns.FallbackUserId] = new EntityReference("systemuser", ops));
        int people = 3 * CompanyMover.BatchSize + 1;
        BulkLeads(e, people, i => $"p{i}@tailspin-toys.com");
        Assert.Empty(e.Accounts());
        e.Service.Update(new Entity(AdoptionSettingsColumns.EntityName, settings) { [AdoptionSettingsColumns.AutoCreateAccounts] = true, [AdoptionSettingsColumns.AutoCreateMinPeople] = 3 });
        e.Lead("last@tailspin-toys.com");

        var account = Assert.Single(e.Accounts()).Id;
        Assert.Equal(people + 1, e.Adopters(account));
        Assert.All(Leads(e), lead => Assert.Equal(account, EngineOrg.Parent(lead)));
        Assert.DoesNotContain(e.Org.AsyncQueue.Jobs, j => j.StatusCode == AdoptionCrm.Emulator.Pipeline.AsyncQueue.Failed);
        Assert.DoesNotContain(e.Org.Log.Entries, x => x.Error != null && x.Error.Contains("infinite loop"));
    }

    /// <summary>
    /// keep-subdomains-apart on: every host is its own company, and a company belongs to the account of the most
    /// specific domain row among its host and its parents down to the registrable domain (as a lead links). So a
    /// contoso.com row claims eu.contoso.com too, until an eu.contoso.com row of its own outranks it.
    /// </summary>
    [Fact]
    public void With_subdomains_kept_apart_adding_the_parent_domain_relinks_the_subdomain_companies()
    {
        var e = new EngineOrg();
        e.Settings(s => s[AdoptionSettingsColumns.KeepSubdomainsApart] = true);
        var eu = new[] { e.Lead("ann@eu.contoso.com"), e.Lead("bob@eu.contoso.com") };
        var us = e.Lead("cy@us.contoso.com");
        Assert.All(eu.Select(e.LeadRow), l => Assert.Null(EngineOrg.Parent(l)));

        var contoso = e.Account("Contoso", domains: "contoso.com");
        Assert.All(eu.Append(us).Select(e.LeadRow), l => Assert.Equal(contoso, EngineOrg.Parent(l)));
        Assert.Equal(3, e.Adopters(contoso));

        var europe = e.Account("Contoso Europe", domains: "eu.contoso.com"); // more specific: it takes eu only
        Assert.All(eu.Select(e.LeadRow), l => Assert.Equal(europe, EngineOrg.Parent(l)));
        Assert.Equal(contoso, EngineOrg.Parent(e.LeadRow(us)));
        Assert.Equal(2, e.Adopters(europe));
        Assert.Equal(1, e.Adopters(contoso));

        var euRow = e.Service.RetrieveMultiple(new QueryExpression(AccountDomainColumns.EntityName)
        {
            ColumnSet = new ColumnSet(false),
            Criteria = { Conditions = { new ConditionExpression(AccountDomainColumns.Name, ConditionOperator.Equal, "eu.contoso.com") } },
        }).Entities.Single();
        e.Service.Delete(AccountDomainColumns.EntityName, euRow.Id); // back to the parent's claim
        Assert.All(eu.Select(e.LeadRow), l => Assert.Equal(contoso, EngineOrg.Parent(l)));
        Assert.Equal(3, e.Adopters(contoso));
        Assert.Equal(0, e.Adopters(europe));
    }

    [Fact]
    public void With_subdomains_together_a_subdomain_signup_is_its_registrable_company_and_follows_the_parent_domain()
    {
        var e = new EngineOrg();
        var eu = e.Lead("ann@eu.contoso.com");
        Assert.Equal("contoso.com", e.LeadRow(eu)[LeadColumns.EmailDomain]);
        var contoso = e.Account("Contoso", domains: "contoso.com");
        Assert.Equal(contoso, EngineOrg.Parent(e.LeadRow(eu)));
        Assert.Equal(1, e.Adopters(contoso));
        var europe = e.Account("Contoso Europe", domains: "eu.contoso.com"); // never more specific than the company itself
        Assert.Equal(contoso, EngineOrg.Parent(e.LeadRow(eu)));
        Assert.Equal(0, e.Adopters(europe));
    }

    internal static void BulkLeads(EngineOrg e, int count, Func<int, string> email)
    {
        var requests = new OrganizationRequestCollection();
        for (var i = 0; i < count; i++)
        {
            requests.Add(new OrganizationRequest("Create") { ["Target"] = new Entity(LeadColumns.EntityName) { [LeadColumns.LastName] = "S", [LeadColumns.EmailAddress1] = email(i) } });
            if (requests.Count == 1000 || i == count - 1)
            {
                e.Org.SystemService.Execute(new OrganizationRequest("ExecuteMultiple")
                {
                    ["Requests"] = requests,
                    ["Settings"] = new Microsoft.Xrm.Sdk.ExecuteMultipleSettings { ContinueOnError = false, ReturnResponses = false },
                });
                requests = new OrganizationRequestCollection();
            }
        }
        e.Drain();
    }

    internal static List<Entity> Leads(EngineOrg e) => All(e, new QueryExpression(LeadColumns.EntityName) { ColumnSet = new ColumnSet(LeadColumns.ParentAccountId, LeadColumns.MatchMethod) });

    internal static List<Entity> AdoptersOf(EngineOrg e, string domain)
    {
        var query = new QueryExpression(AdopterColumns.EntityName) { ColumnSet = new ColumnSet(AdopterColumns.AccountId) };
        query.Criteria.AddCondition(AdopterColumns.CompanyId, ConditionOperator.Equal, RowIds.Company(domain));
        return All(e, query);
    }

    private static List<Entity> All(EngineOrg e, QueryExpression query)
    {
        query.PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 };
        var rows = new List<Entity>();
        while (true)
        {
            var page = e.Service.RetrieveMultiple(query);
            rows.AddRange(page.Entities);
            if (!page.MoreRecords) return rows;
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
    }

    private static int MovedIn(string trace)
    {
        var at = trace.IndexOf("Moved ", StringComparison.Ordinal) + "Moved ".Length;
        return int.Parse(new string(trace.Skip(at).TakeWhile(char.IsDigit).ToArray()));
    }
}

/// <summary>The continuation a plan bigger than <see cref="CompanyMover.MaxBatchesPerPlan"/> batches ends with.</summary>
public class CompanyMovePlanTests
{
    [Fact]
    public void A_plan_continuation_moves_exactly_the_adopters_after_its_cursor()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso", domains: "contoso.com");
        for (var i = 0; i < 5; i++) e.Lead($"p{i}@contoso.com");
        var companyId = RowIds.Company("contoso.com");
        var ordered = e.Service.RetrieveMultiple(new QueryExpression(AdopterColumns.EntityName)
        {
            ColumnSet = new ColumnSet(false),
            Criteria = { Conditions = { new ConditionExpression(AdopterColumns.CompanyId, ConditionOperator.Equal, companyId) } },
            Orders = { new OrderExpression(AdopterColumns.Id, OrderType.Ascending) },
        }).Entities.Select(a => a.Id).ToList();
        foreach (var id in ordered) e.Org.SystemService.Update(new Entity(AdopterColumns.EntityName, id) { [AdopterColumns.AccountId] = null }); // as if not yet moved
        e.Drain();

        new CompanyMover(e.Org.SystemService, null).Run(companyId, "p:" + ordered[1]);
        e.Drain();

        var accounts = ordered.Select(id => e.Service.Retrieve(AdopterColumns.EntityName, id, new ColumnSet(AdopterColumns.AccountId)).GetAttributeValue<EntityReference>(AdopterColumns.AccountId)?.Id).ToList();
        Assert.Equal(new Guid?[] { null, null, contoso, contoso, contoso }, accounts);
        Assert.Null(e.Service.Retrieve(CompanyColumns.EntityName, companyId, new ColumnSet(CompanyColumns.MoveBatch)).GetAttributeValue<string>(CompanyColumns.MoveBatch));
    }
}
