using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Engine.Tests;

/// <summary>Sales ops' changes to the settings row and its rules: refused when they cannot work, kept when the row is replaced.</summary>
public class SettingsChangeTests
{
    private static string Refusal(Action save) => Assert.ThrowsAny<Exception>(save).Message;

    private static Guid Rule(EngineOrg e, string domain, RuleType type = RuleType.Exclude) =>
        e.Service.Create(new Entity(DomainRuleColumns.EntityName) { [DomainRuleColumns.Name] = domain, [DomainRuleColumns.RuleType] = new OptionSetValue((int)type) });

    [Fact]
    public void A_second_active_settings_row_is_refused_with_a_message_naming_the_active_one()
    {
        var e = new EngineOrg();
        var first = e.Settings(s => s[AdoptionSettingsColumns.Name] = "Sales ops 2025");
        var message = Refusal(() => e.Settings(s => { s[AdoptionSettingsColumns.Name] = "Sales ops 2026"; s[AdoptionSettingsColumns.TeamThreshold] = 5; }));
        Assert.Contains(AdoptionSettingsColumns.IsActive, message);
        Assert.Contains("'Sales ops 2025'", message);
        Assert.Contains(first.ToString(), message);
        var active = new QueryExpression(AdoptionSettingsColumns.EntityName) { ColumnSet = new ColumnSet(false) };
        active.Criteria.AddCondition(AdoptionSettingsColumns.IsActive, ConditionOperator.Equal, true);
        Assert.Single(e.Service.RetrieveMultiple(active).Entities);
        // Activating a second, inactive row is refused the same way.
        var draft = e.Service.Create(new Entity(AdoptionSettingsColumns.EntityName) { [AdoptionSettingsColumns.Name] = "Draft", [AdoptionSettingsColumns.IsActive] = false });
        Assert.Contains("'Sales ops 2025'", Refusal(() => e.Service.Update(new Entity(AdoptionSettingsColumns.EntityName, draft) { [AdoptionSettingsColumns.IsActive] = true })));
    }

    [Fact]
    public void Replacing_the_settings_row_keeps_every_rule()
    {
        var e = new EngineOrg();
        var old = e.Settings(s => s[AdoptionSettingsColumns.Name] = "Old");
        Rule(e, "partner.com");
        Rule(e, "gmail.com", RuleType.Allow);
        e.Service.Update(new Entity(AdoptionSettingsColumns.EntityName, old) { [AdoptionSettingsColumns.IsActive] = false });
        var replacement = e.Settings(s => s[AdoptionSettingsColumns.Name] = "New");

        var rules = e.Service.RetrieveMultiple(new QueryExpression(DomainRuleColumns.EntityName) { ColumnSet = new ColumnSet(DomainRuleColumns.SettingsId) }).Entities;
        Assert.All(rules, r => Assert.Equal(replacement, r.GetAttributeValue<EntityReference>(DomainRuleColumns.SettingsId).Id));
        Assert.Equal(MatchOutcome.ExcludedRule, EngineOrg.Outcome(e.LeadRow(e.Lead("ann@partner.com"))));
        e.Account("Gmail reseller", domains: "gmail.com");
        Assert.NotEqual(MatchOutcome.ExcludedFreeMail, EngineOrg.Outcome(e.LeadRow(e.Lead("bob@gmail.com"))));
    }

    [Fact]
    public void A_disabled_fallback_user_is_refused_by_name()
    {
        var e = new EngineOrg();
        var gone = e.Org.CreateUser("Gary", "Gone");
        e.Service.Update(new Entity("systemuser", gone) { ["isdisabled"] = true });
        var message = Refusal(() => e.Settings(s => s[AdoptionSettingsColumns.FallbackUserId] = new EntityReference("systemuser", gone)));
        Assert.Contains(AdoptionSettingsColumns.FallbackUserId, message);
        Assert.Contains("Gary Gone", message);
        Assert.Contains("disabled", message);
        var fine = e.Org.CreateUser("Fay", "Fine");
        e.Settings(s => s[AdoptionSettingsColumns.FallbackUserId] = new EntityReference("systemuser", fine));
    }

    [Theory]
    [InlineData("co.uk")]
    [InlineData("*.co.uk")]
    [InlineData("co.jp")]
    public void A_public_suffix_as_a_rule_or_an_own_domain_is_refused_by_name(string typed)
    {
        var e = new EngineOrg();
        var message = Refusal(() => Rule(e, typed));
        Assert.Contains(DomainRuleColumns.Name, message);
        Assert.Contains("is a public suffix", message);
        message = Refusal(() => e.Settings(s => s[AdoptionSettingsColumns.OwnDomains] = "adoptioncrm.com\n" + typed));
        Assert.Contains(AdoptionSettingsColumns.OwnDomains, message);
        Assert.Contains("is a public suffix", message);
        Rule(e, "contoso.co.uk"); // a company's domain under it is fine
    }
}
