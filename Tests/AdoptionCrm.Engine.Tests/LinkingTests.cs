using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Engine.Tests;

public class LinkingTests
{
    [Fact]
    public void Subdomain_and_registrable_domain_link_to_one_account()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso", domains: "contoso.co.uk");
        var a = e.LeadRow(e.Lead("ann@mail.contoso.co.uk"));
        var b = e.LeadRow(e.Lead("bob@Contoso.CO.UK"));
        Assert.Equal(contoso, EngineOrg.Parent(a));
        Assert.Equal(contoso, EngineOrg.Parent(b));
        Assert.Equal("contoso.co.uk", a[LeadColumns.EmailDomain]);
        Assert.Equal("bob@contoso.co.uk", b[LeadColumns.NormalizedEmail]);
        Assert.Equal(MatchOutcome.Linked, EngineOrg.Outcome(a));
        Assert.Equal((int)MatchMethod.DomainTable, a.GetAttributeValue<OptionSetValue>(LeadColumns.MatchMethod).Value);
        Assert.Contains("contoso.co.uk", a.GetAttributeValue<string>(LeadColumns.MatchExplanation));
        Assert.Equal(2, e.Adopters(contoso));
    }

    [Theory]
    [InlineData("someone@gmail.com", MatchOutcome.ExcludedFreeMail)]
    [InlineData("someone@outlook.com", MatchOutcome.ExcludedFreeMail)]
    [InlineData("someone@yahoo.com", MatchOutcome.ExcludedFreeMail)]
    [InlineData("someone@mailinator.com", MatchOutcome.ExcludedFreeMail)]
    [InlineData("noreply@contoso.com", MatchOutcome.ExcludedRole)]
    public void Free_mail_disposable_and_role_signups_never_create_or_link_accounts(string email, MatchOutcome expected)
    {
        var e = new EngineOrg();
        e.Settings(s => s[AdoptionSettingsColumns.AutoCreateAccounts] = true);
        var lead = e.LeadRow(e.Lead(email));
        Assert.Equal(expected, EngineOrg.Outcome(lead));
        Assert.Null(EngineOrg.Parent(lead));
        Assert.Empty(e.Accounts());
        Assert.StartsWith("Not linked", lead.GetAttributeValue<string>(LeadColumns.MatchExplanation));
    }

    [Fact]
    public void Disposable_only_domain_is_excluded_as_disposable_when_free_mail_layer_is_off()
    {
        var e = new EngineOrg();
        e.Settings(s => { s[AdoptionSettingsColumns.AutoCreateAccounts] = true; s[AdoptionSettingsColumns.ExcludeFreeMail] = false; });
        var gmail = e.LeadRow(e.Lead("x@gmail.com"));
        var disposable = e.LeadRow(e.Lead("x@mailinator.com"));
        Assert.Equal(MatchOutcome.Unmatched, EngineOrg.Outcome(gmail)); // the switch lets gmail through as a company (one person: no account yet)
        Assert.Equal(MatchOutcome.ExcludedDisposable, EngineOrg.Outcome(disposable));
    }

    [Theory]
    [InlineData(null, MatchOutcome.NoEmail)]
    [InlineData("   ", MatchOutcome.NoEmail)]
    [InlineData("not an email", MatchOutcome.InvalidEmail)]
    [InlineData("a@@contoso.com", MatchOutcome.InvalidEmail)]
    [InlineData("a@localhost", MatchOutcome.InvalidEmail)]
    public void Malformed_or_missing_email_saves_the_lead_unlinked_with_the_reason(string? email, MatchOutcome expected)
    {
        var e = new EngineOrg();
        e.Account("Contoso", domains: "contoso.com");
        var lead = e.LeadRow(e.Lead(email));
        Assert.Equal(expected, EngineOrg.Outcome(lead));
        Assert.Null(EngineOrg.Parent(lead));
        Assert.False(string.IsNullOrEmpty(lead.GetAttributeValue<string>(LeadColumns.MatchExplanation)));
    }

    [Fact]
    public void Huge_email_is_saved_with_a_clear_mark_and_never_fails_the_save()
    {
        var e = new EngineOrg();
        var email = new string('a', 72) + "@" + string.Join(".", Enumerable.Repeat("sub", 4)) + ".contoso.com"; // 100 chars: the column's limit
        Assert.Equal(100, email.Length);
        var lead = e.LeadRow(e.Lead(email));
        Assert.Equal(MatchOutcome.InvalidEmail, EngineOrg.Outcome(lead)); // local part over 64 characters
        var tooLong = new string('b', 5000) + "@contoso.com";
        Assert.ThrowsAny<Exception>(() => e.Lead(tooLong)); // the platform's column length (100) refuses it, as Dataverse does
    }

    [Fact]
    public void Own_domains_and_sales_ops_rules_exclude_and_allow()
    {
        var e = new EngineOrg();
        e.Settings(s => s[AdoptionSettingsColumns.OwnDomains] = "adoptioncrm.com\nadoptioncrm.io");
        var partner = e.Account("Partner", domains: "partner.com");
        e.Service.Create(new Entity(DomainRuleColumns.EntityName) { [DomainRuleColumns.Name] = "@Partner.com", [DomainRuleColumns.RuleType] = new OptionSetValue((int)RuleType.Exclude) });
        var gmailAccount = e.Account("Gmail reseller", domains: "gmail.com");
        e.Service.Create(new Entity(DomainRuleColumns.EntityName) { [DomainRuleColumns.Name] = "gmail.com", [DomainRuleColumns.RuleType] = new OptionSetValue((int)RuleType.Allow) });

        Assert.Equal(MatchOutcome.ExcludedOwn, EngineOrg.Outcome(e.LeadRow(e.Lead("me@adoptioncrm.io"))));
        var excluded = e.LeadRow(e.Lead("x@eu.partner.com"));
        Assert.Equal(MatchOutcome.ExcludedRule, EngineOrg.Outcome(excluded));
        Assert.Null(EngineOrg.Parent(excluded));
        var allowed = e.LeadRow(e.Lead("x@gmail.com"));
        Assert.Equal(gmailAccount, EngineOrg.Parent(allowed));
        Assert.Equal(0, e.Adopters(partner));
    }

    [Fact]
    public void Website_is_the_fallback_and_kept_in_sync_as_a_domain_row()
    {
        var e = new EngineOrg();
        var fabrikam = e.Account("Fabrikam", website: "https://www.fabrikam.com/about");
        var lead = e.LeadRow(e.Lead("x@fabrikam.com"));
        Assert.Equal(fabrikam, EngineOrg.Parent(lead));
        Assert.Equal((int)MatchMethod.Website, lead.GetAttributeValue<OptionSetValue>(LeadColumns.MatchMethod).Value);

        e.Service.Update(new Entity(AccountColumns.EntityName, fabrikam) { [AccountColumns.WebsiteUrl] = "fabrikam.de" });
        Assert.Null(EngineOrg.Parent(e.LeadRow(e.Lead("y@fabrikam.com"))));
        Assert.Equal(fabrikam, EngineOrg.Parent(e.LeadRow(e.Lead("z@fabrikam.de"))));
    }

    [Fact]
    public void Two_accounts_claiming_a_domain_are_decided_by_the_documented_rule()
    {
        var e = new EngineOrg();
        var website = e.Account("By website", website: "northwind.com");
        var manual = e.Account("Manual");
        e.Domain(manual, "northwind.com", DomainSource.Manual);
        var lead = e.LeadRow(e.Lead("x@northwind.com"));
        Assert.Equal(manual, EngineOrg.Parent(lead));
        Assert.Contains("source rank", lead.GetAttributeValue<string>(LeadColumns.MatchExplanation));

        var primary = e.Account("Primary");
        e.Domain(primary, "northwind.com", DomainSource.Website, primary: true);
        // Adding a claim re-matches existing leads: the primary row wins now.
        Assert.Equal(primary, EngineOrg.Parent(e.LeadRow(lead.Id)));
        Assert.Equal(1, e.Adopters(primary));
        Assert.Equal(0, e.Adopters(manual));
        Assert.Equal(0, e.Adopters(website));
    }

    [Fact]
    public void Unknown_company_gets_an_account_only_at_autoCreateMinPeople_owned_by_the_fallback_user()
    {
        var off = new EngineOrg();
        for (var i = 0; i < 5; i++) off.Lead($"p{i}@tailspin-toys.com");
        Assert.Equal(MatchOutcome.Unmatched, EngineOrg.Outcome(off.LeadRow(off.Lead("x@tailspin-toys.com"))));
        Assert.Empty(off.Accounts());

        var e = new EngineOrg();
        var ops = e.Org.CreateUser("Olga", "Ops");
        e.Settings(s => { s[AdoptionSettingsColumns.AutoCreateAccounts] = true; s[AdoptionSettingsColumns.AutoCreateMinPeople] = 3; s[AdoptionSettingsColumns.FallbackUserId] = new EntityReference("systemuser", ops); });
        var first = e.Lead("x@tailspin-toys.com");
        var second = e.Lead("y@eu.tailspin-toys.com");
        Assert.Empty(e.Accounts()); // two people are not yet a company worth an account
        var third = e.Lead("z@tailspin-toys.com");
        var account = Assert.Single(e.Accounts());
        Assert.Equal("Tailspin Toys", account[AccountColumns.Name]);
        Assert.True(account.GetAttributeValue<bool>(AccountColumns.AutoCreated));
        Assert.Equal(ops, account.GetAttributeValue<EntityReference>(AccountColumns.OwnerId).Id); // never SYSTEM
        foreach (var lead in new[] { first, second, third }.Select(e.LeadRow))
        {
            Assert.Equal(account.Id, EngineOrg.Parent(lead)); // the company's leads moved with it
            Assert.Equal(MatchOutcome.Linked, EngineOrg.Outcome(lead));
        }
        Assert.Equal(3, e.Adopters(account.Id));
        Assert.Equal(MatchOutcome.Linked, EngineOrg.Outcome(e.LeadRow(e.Lead("w@tailspin-toys.com"))));
    }

    [Fact]
    public void Auto_creation_without_a_fallback_user_makes_no_SYSTEM_owned_account()
    {
        var e = new EngineOrg();
        e.Settings(s => { s[AdoptionSettingsColumns.AutoCreateAccounts] = true; s[AdoptionSettingsColumns.AutoCreateMinPeople] = 1; });
        e.Lead("x@tailspin-toys.com");
        Assert.Empty(e.Accounts());
        Assert.Equal(1, e.Service.Retrieve(CompanyColumns.EntityName, AdoptionCrm.Plugins.Adoption.RowIds.Company("tailspin-toys.com"), new ColumnSet(CompanyColumns.People)).GetAttributeValue<int>(CompanyColumns.People));
    }

    [Theory]
    [InlineData("wingtip.onmicrosoft.com", "Wingtip")]
    [InlineData("contoso-labs.co.uk", "Contoso Labs")]
    [InlineData("xn--bcher-kva.de", "Bücher")]
    [InlineData("tailspin-toys.com", "Tailspin Toys")]
    public void Auto_created_accounts_are_named_as_a_person_would(string domain, string name) =>
        Assert.Equal(name, AccountNaming.FromDomain(domain));

}
