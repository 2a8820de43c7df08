using AdoptionCrm.Emulator.Lifecycle;
using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Model;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Engine.Tests;

/// <summary>An account deactivated, deleted or merged: what happens to its domains, companies, adopters and leads.</summary>
public class AccountLifecycleTests
{
    private static EngineOrg AutoCreating(Action<AdoptionCrm.Emulator.EmulatorOptions>? options = null)
    {
        var e = new EngineOrg(options: options);
        var ops = e.Org.CreateUser("Olga", "Ops");
        e.Settings(s => { s[AdoptionSettingsColumns.AutoCreateAccounts] = true; s[AdoptionSettingsColumns.AutoCreateMinPeople] = 3; s[AdoptionSettingsColumns.FallbackUserId] = new EntityReference("systemuser", ops); });
        return e;
    }

    /// <summary>
    /// The rule: an inactive account keeps its domain rows, companies, adopters and leads (reactivating it brings
    /// back a true picture with nothing to move), and its domains still claim their signups, so auto-creation never
    /// makes a second account for them; any active account's claim outranks an inactive one's.
    /// </summary>
    [Theory]
    [InlineData(StateChangeSteps.Update)]
    [InlineData(StateChangeSteps.SetStateDynamicEntity)]
    [InlineData(StateChangeSteps.All)]
    public void Deactivating_an_account_with_auto_creation_on_creates_no_duplicate_and_keeps_its_history(StateChangeSteps fires)
    {
        var e = AutoCreating(o => o.Lifecycle.SetStateFires = fires);
        for (var i = 0; i < 3; i++) e.Lead($"p{i}@tailspin-toys.com");
        var account = Assert.Single(e.Accounts()).Id;
        e.Service.Execute(new SetStateRequest { EntityMoniker = new EntityReference(AccountColumns.EntityName, account), State = new OptionSetValue(1), Status = new OptionSetValue(2) });
        var late = e.Lead("late@tailspin-toys.com");
        for (var i = 0; i < 3; i++) e.Lead($"q{i}@tailspin-toys.com");

        Assert.Single(e.Accounts()); // no duplicate, SYSTEM-owned or other
        Assert.Equal(7, e.Adopters(account));
        Assert.Equal(account, EngineOrg.Parent(e.LeadRow(late)));
        Assert.Contains("inactive", e.LeadRow(late).GetAttributeValue<string>(LeadColumns.MatchExplanation));
        Assert.All(DomainRowLifecycleTests.AdoptersOf(e, "tailspin-toys.com"), a => Assert.Equal(account, a.GetAttributeValue<EntityReference>(AdopterColumns.AccountId)?.Id));

        var active = e.Account("Tailspin (new)"); // an active account claiming the domain takes it over
        e.Domain(active, "tailspin-toys.com");
        Assert.Equal(7, e.Adopters(active));
        Assert.Equal(0, e.Adopters(account));
    }

    /// <summary>
    /// lead_parent_account removes the link on delete (R6), with or without the leads' own steps (unverified): the
    /// leads stay engine-linked (not Manual), the company goes to the next claim or to none, and later signups count.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Deleting_an_account_moves_its_company_to_the_next_claim_and_keeps_its_leads_engine_linked(bool cascadesFireSteps)
    {
        var e = new EngineOrg(options: o => o.Lifecycle.CascadesFireSteps = cascadesFireSteps);
        var doomed = e.Account("Contoso (old)");
        e.Domain(doomed, "contoso.com", primary: true);
        var next = e.Account("Contoso", domains: "contoso.com");
        var leads = new[] { e.Lead("ann@contoso.com"), e.Lead("bob@contoso.com") };
        Assert.Equal(2, e.Adopters(doomed));

        e.Service.Delete(AccountColumns.EntityName, doomed);
        Assert.Equal(2, e.Adopters(next));
        foreach (var lead in leads.Select(e.LeadRow))
        {
            Assert.Equal(next, EngineOrg.Parent(lead));
            Assert.NotEqual((int)MatchMethod.Manual, lead.GetAttributeValue<OptionSetValue>(LeadColumns.MatchMethod).Value);
        }
        e.Lead("cy@contoso.com");
        Assert.Equal(3, e.Adopters(next));
        Assert.DoesNotContain(e.Org.AsyncQueue.Jobs, j => j.StatusCode == AdoptionCrm.Emulator.Pipeline.AsyncQueue.Failed);

        e.Service.Delete(AccountColumns.EntityName, next); // no claim left: the company is prospecting again
        var company = e.Service.Retrieve(CompanyColumns.EntityName, RowIds.Company("contoso.com"), new ColumnSet(CompanyColumns.AccountId, CompanyColumns.People));
        Assert.Null(company.GetAttributeValue<EntityReference>(CompanyColumns.AccountId));
        Assert.Equal(3, company.GetAttributeValue<int>(CompanyColumns.People));
        var later = e.LeadRow(e.Lead("dee@contoso.com"));
        Assert.Equal(MatchOutcome.Unmatched, EngineOrg.Outcome(later));
        Assert.Equal(4, e.Service.Retrieve(CompanyColumns.EntityName, RowIds.Company("contoso.com"), new ColumnSet(CompanyColumns.People)).GetAttributeValue<int>(CompanyColumns.People));
        Assert.DoesNotContain(e.Org.AsyncQueue.Jobs, j => j.StatusCode == AdoptionCrm.Emulator.Pipeline.AsyncQueue.Failed);
    }

    /// <summary>Merge: the master gets the subordinate's domain rows, and with them its companies, adopters, leads and counts.</summary>
    [Theory]
    [InlineData(StateChangeSteps.Update, true)]
    [InlineData(StateChangeSteps.SetStateDynamicEntity, false)]
    [InlineData(StateChangeSteps.All, true)]
    public void Merging_accounts_gives_the_master_the_domains_adopters_and_history(StateChangeSteps fires, bool cascadesFireSteps)
    {
        var e = new EngineOrg(options: o => { o.Lifecycle.InternalStateChangeFires = fires; o.Lifecycle.CascadesFireSteps = cascadesFireSteps; });
        var master = e.Account("Contoso", domains: "contoso.com");
        var subordinate = e.Account("Contoso Europe", domains: "contoso.eu");
        e.Lead("ann@contoso.com");
        var eu = new[] { e.Lead("bob@contoso.eu"), e.Lead("cy@contoso.eu") };
        Assert.Equal(2, e.Adopters(subordinate));

        e.Service.Execute(new MergeRequest { Target = new EntityReference(AccountColumns.EntityName, master), SubordinateId = subordinate, UpdateContent = new Entity(AccountColumns.EntityName), PerformParentingChecks = false });

        Assert.Equal(3, e.Adopters(master));
        Assert.Equal(0, e.Adopters(subordinate));
        var domains = e.Service.RetrieveMultiple(new QueryExpression(AccountDomainColumns.EntityName) { ColumnSet = new ColumnSet(AccountDomainColumns.Name, AccountDomainColumns.AccountId) }).Entities;
        Assert.All(domains, d => Assert.Equal(master, d.GetAttributeValue<EntityReference>(AccountDomainColumns.AccountId).Id));
        Assert.All(eu.Select(e.LeadRow), l => Assert.Equal(master, EngineOrg.Parent(l)));
        Assert.All(DomainRowLifecycleTests.AdoptersOf(e, "contoso.eu"), a => Assert.Equal(master, a.GetAttributeValue<EntityReference>(AdopterColumns.AccountId)?.Id));
        Assert.Equal(master, EngineOrg.Parent(e.LeadRow(e.Lead("dee@contoso.eu"))));
        Assert.Equal(4, e.Adopters(master));
    }

    [Fact]
    public void Merging_an_account_whose_domain_the_master_already_has_leaves_one_row_and_counts_each_person_once()
    {
        var e = new EngineOrg();
        var master = e.Account("Contoso", domains: "contoso.com");
        var duplicate = e.Account("Contoso (duplicate)");
        e.Domain(duplicate, "contoso.com", primary: true); // the duplicate wins the domain until the merge
        var leads = new[] { e.Lead("ann@contoso.com"), e.Lead("bob@contoso.com") };
        Assert.Equal(2, e.Adopters(duplicate));

        e.Service.Execute(new MergeRequest { Target = new EntityReference(AccountColumns.EntityName, master), SubordinateId = duplicate, UpdateContent = new Entity(AccountColumns.EntityName), PerformParentingChecks = false });

        var rows = e.Service.RetrieveMultiple(new QueryExpression(AccountDomainColumns.EntityName) { ColumnSet = new ColumnSet(AccountDomainColumns.AccountId) }).Entities;
        Assert.Equal(master, Assert.Single(rows).GetAttributeValue<EntityReference>(AccountDomainColumns.AccountId).Id);
        Assert.Equal(2, e.Adopters(master));
        Assert.Equal(0, e.Adopters(duplicate));
        Assert.All(leads.Select(e.LeadRow), l => Assert.Equal(master, EngineOrg.Parent(l)));
    }
}
