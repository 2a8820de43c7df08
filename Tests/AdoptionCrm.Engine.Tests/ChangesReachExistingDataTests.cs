using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Engine.Tests;

/// <summary>
/// Sales ops' changes reach the leads already there: a rule or an own domain queues its domains (RelinkQueue),
/// a first batch is linked again right away, and the daily recompute flow goes on until the queue is empty.
/// </summary>
public class ChangesReachExistingDataTests
{
    private static int People(EngineOrg e, string domain) =>
        e.Service.Retrieve(CompanyColumns.EntityName, RowIds.Company(domain), new ColumnSet(CompanyColumns.People)).GetAttributeValue<int?>(CompanyColumns.People) ?? 0;

    private static List<Entity> LeadsAt(EngineOrg e, string domain)
    {
        var query = new QueryExpression(LeadColumns.EntityName) { ColumnSet = new ColumnSet(true) };
        query.Criteria.AddCondition(LeadColumns.EmailDomain, ConditionOperator.Equal, domain);
        return e.Service.RetrieveMultiple(query).Entities.ToList();
    }

    [Fact]
    public void An_exclude_rule_added_for_partner_com_stops_counting_its_4_adopters()
    {
        var e = new EngineOrg();
        e.Settings();
        var partner = e.Account("Partner", domains: "partner.com");
        for (var i = 0; i < 4; i++) e.Lead($"p{i}@partner.com");
        Assert.Equal(4, e.Adopters(partner));

        e.Org.AdvanceClock(TimeSpan.FromMinutes(5));
        e.Service.Create(new Entity(DomainRuleColumns.EntityName) { [DomainRuleColumns.Name] = "partner.com", [DomainRuleColumns.RuleType] = new OptionSetValue((int)RuleType.Exclude) });

        Assert.Equal(0, e.Adopters(partner));
        Assert.Equal(AdoptionStage.None, e.Stage(partner));
        Assert.Equal(0, People(e, "partner.com"));
        Assert.All(LeadsAt(e, "partner.com"), l => Assert.Equal(MatchOutcome.ExcludedRule, EngineOrg.Outcome(l)));
        Assert.Null(RelinkQueue.ActiveRow(e.Service)!.GetAttributeValue<string>(AdoptionSettingsColumns.RelinkDomains)); // done

        // Removing the rule brings them back.
        e.Org.AdvanceClock(TimeSpan.FromMinutes(5));
        var rule = e.Service.RetrieveMultiple(new QueryExpression(DomainRuleColumns.EntityName)).Entities.Single();
        e.Service.Delete(DomainRuleColumns.EntityName, rule.Id);
        Assert.Equal(4, e.Adopters(partner));
    }

    [Fact]
    public void A_new_own_domain_stops_counting_colleagues()
    {
        var e = new EngineOrg();
        var settings = e.Settings();
        for (var i = 0; i < 3; i++) e.Lead($"colleague{i}@ourco.com");
        Assert.Equal(3, People(e, "ourco.com"));

        e.Org.AdvanceClock(TimeSpan.FromMinutes(5));
        e.Service.Update(new Entity(AdoptionSettingsColumns.EntityName, settings) { [AdoptionSettingsColumns.OwnDomains] = "ourco.com" });

        Assert.Equal(0, People(e, "ourco.com"));
        Assert.All(LeadsAt(e, "ourco.com"), l => Assert.Equal(MatchOutcome.ExcludedOwn, EngineOrg.Outcome(l)));
    }

    [Fact]
    public void A_rule_for_more_leads_than_one_batch_is_finished_by_the_daily_flow()
    {
        var e = new EngineOrg(flowsOn: true);
        e.Settings();
        int leads = RelinkSweep.Batch * 2 + 10;
        for (var i = 0; i < leads; i++) e.Lead($"p{i:D4}@bigpartner.com", drain: false);
        e.Drain();
        Assert.Equal(leads, People(e, "bigpartner.com"));

        e.Org.AdvanceClock(TimeSpan.FromMinutes(5));
        e.Service.Create(new Entity(DomainRuleColumns.EntityName) { [DomainRuleColumns.Name] = "bigpartner.com", [DomainRuleColumns.RuleType] = new OptionSetValue((int)RuleType.Exclude) });
        Assert.Equal(leads - RelinkSweep.Batch, People(e, "bigpartner.com")); // the first batch, right away

        e.Org.AdvanceClock(TimeSpan.FromDays(1)); // the flow's next run loops until the queue is empty
        Assert.Equal(0, People(e, "bigpartner.com"));
        Assert.All(LeadsAt(e, "bigpartner.com"), l => Assert.Equal(MatchOutcome.ExcludedRule, EngineOrg.Outcome(l)));
        Assert.All(e.Org.Flows.Runs, r => Assert.Equal("Succeeded", r.Status));
    }

    [Fact]
    public void Lengthening_the_window_brings_back_history_from_the_leads()
    {
        var e = new EngineOrg(flowsOn: true);
        var settings = e.Settings();
        var contoso = e.Account("Contoso", domains: "contoso.com");
        for (var i = 0; i < 5; i++) e.Lead($"p{i}@contoso.com");
        e.Org.AdvanceClock(TimeSpan.FromDays(70));
        Assert.Equal(0, e.Adopters(contoso)); // out of the 60-day window: the daily flow took them out

        e.Service.Update(new Entity(AdoptionSettingsColumns.EntityName, settings) { [AdoptionSettingsColumns.WindowDays] = 90 });
        Assert.NotNull(e.Service.Retrieve(AdoptionSettingsColumns.EntityName, settings, new ColumnSet(AdoptionSettingsColumns.RebuildRequestedOn))
            .GetAttributeValue<DateTime?>(AdoptionSettingsColumns.RebuildRequestedOn));
        e.Org.AdvanceClock(TimeSpan.FromDays(1)); // the next run recomputes from the leads

        Assert.Equal(5, e.Adopters(contoso));
        Assert.Equal(AdoptionStage.Team, e.Stage(contoso));
        Assert.Equal(5, People(e, "contoso.com"));
        Assert.Null(e.Service.Retrieve(AdoptionSettingsColumns.EntityName, settings, new ColumnSet(AdoptionSettingsColumns.RebuildRequestedOn))
            .GetAttributeValue<DateTime?>(AdoptionSettingsColumns.RebuildRequestedOn));
        Assert.All(e.Org.Flows.Runs, r => Assert.Equal("Succeeded", r.Status));
    }

    [Fact]
    public void Turning_the_free_mail_exclusion_off_counts_the_free_mail_signups_already_there()
    {
        var e = new EngineOrg();
        var settings = e.Settings();
        e.Lead("ann@gmail.com");
        e.Lead("bob@gmail.com");
        Assert.All(LeadsAt(e, "gmail.com"), l => Assert.Equal(MatchOutcome.ExcludedFreeMail, EngineOrg.Outcome(l)));

        e.Org.AdvanceClock(TimeSpan.FromMinutes(5));
        e.Service.Update(new Entity(AdoptionSettingsColumns.EntityName, settings) { [AdoptionSettingsColumns.ExcludeFreeMail] = false });

        Assert.All(LeadsAt(e, "gmail.com"), l => Assert.NotEqual(MatchOutcome.ExcludedFreeMail, EngineOrg.Outcome(l)));
        Assert.Equal(2, People(e, "gmail.com"));
    }

    [Fact]
    public void Turning_subdomains_kept_apart_on_moves_the_subdomain_signups_already_there_into_their_own_companies()
    {
        var e = new EngineOrg();
        var settings = e.Settings();
        var eu = new[] { e.Lead("ann@eu.contoso.com"), e.Lead("bob@eu.contoso.com") };
        e.Lead("cy@contoso.com");
        Assert.Equal(3, People(e, "contoso.com")); // one company while subdomains fold into their registrable domain

        e.Org.AdvanceClock(TimeSpan.FromMinutes(5));
        e.Service.Update(new Entity(AdoptionSettingsColumns.EntityName, settings) { [AdoptionSettingsColumns.KeepSubdomainsApart] = true });

        Assert.Equal(2, People(e, "eu.contoso.com"));
        Assert.Equal(1, People(e, "contoso.com"));
        Assert.All(eu.Select(e.LeadRow), l => Assert.Equal("eu.contoso.com", l.GetAttributeValue<string>(LeadColumns.EmailDomain)));

        e.Org.AdvanceClock(TimeSpan.FromMinutes(5));
        e.Service.Update(new Entity(AdoptionSettingsColumns.EntityName, settings) { [AdoptionSettingsColumns.KeepSubdomainsApart] = false });
        Assert.Equal(3, People(e, "contoso.com"));
        Assert.Equal(0, People(e, "eu.contoso.com"));
    }
}
