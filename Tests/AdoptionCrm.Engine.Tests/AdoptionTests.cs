using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Engine.Tests;

public class AdoptionTests
{
    [Fact]
    public void Fifteen_signups_in_sixty_days_reach_Enterprise_ready_with_one_play()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso", domains: "contoso.com");
        for (var i = 0; i < 15; i++)
        {
            e.Lead($"person{i}@contoso.com");
            e.Org.Clock.Advance(TimeSpan.FromDays(4)); // 15 signups over 56 days
        }
        Assert.Equal(AdoptionStage.EnterpriseReady, e.Stage(contoso));
        Assert.Equal(15, e.Adopters(contoso));
        var enterprise = Assert.Single(e.Tasks(contoso));
        Assert.Equal((int)AdoptionStage.EnterpriseReady, enterprise.GetAttributeValue<OptionSetValue>(TaskColumns.AdoptionStage).Value);
        Assert.Equal(e.Rep, enterprise.GetAttributeValue<EntityReference>(TaskColumns.OwnerId).Id);
        Assert.Equal((int)TaskPriority.High, enterprise.GetAttributeValue<OptionSetValue>(TaskColumns.PriorityCode).Value);
        Assert.Contains("person14@contoso.com", enterprise.GetAttributeValue<string>(TaskColumns.Description));
        Assert.Contains("15 people", enterprise.GetAttributeValue<string>(TaskColumns.Description));
        var account = e.AccountRow(contoso);
        var score = account.GetAttributeValue<int>(AccountColumns.AdoptionScore);
        Assert.InRange(score, 1, 100);
        Assert.StartsWith("15 people signed up in the last 60 days, 2 of them this week: Enterprise-ready. Score " + score + " of 100", account.GetAttributeValue<string>(AccountColumns.ScoreExplanation));
    }

    [Fact]
    public void The_same_person_signing_up_twice_counts_once()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso", domains: "contoso.com");
        e.Lead("ann@contoso.com");
        e.Org.Clock.Advance(TimeSpan.FromDays(3));
        e.Lead("ANN@contoso.com");
        e.Lead("ann@mail.contoso.com"); // a different address on another host: another person
        Assert.Equal(2, e.Adopters(contoso));
    }

    [Fact]
    public void Adopters_age_out_of_the_window_and_the_stage_follows_the_count()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso", domains: "contoso.com");
        for (var i = 0; i < 3; i++) e.Lead($"p{i}@contoso.com");
        Assert.Equal(AdoptionStage.Team, e.Stage(contoso));
        e.Org.Clock.Advance(TimeSpan.FromDays(61));
        e.Lead("late@contoso.com"); // the first three aged out: 1 person counted
        Assert.Equal(1, e.Adopters(contoso));
        Assert.Equal(AdoptionStage.Individual, e.Stage(contoso)); // a pure function of the count, as the rebuild computes it
        e.Lead("late2@contoso.com");
        e.Lead("late3@contoso.com"); // back at Team: the Team play is still open, so nothing is stacked on it
        Assert.Single(e.Tasks(contoso));
    }

    [Fact]
    public void Usage_and_invitations_raise_the_score_but_not_the_stage()
    {
        var plain = new EngineOrg();
        var a = plain.Account("A", domains: "a.com");
        plain.Lead("x@a.com");
        var busy = new EngineOrg();
        var b = busy.Account("B", domains: "b.com");
        busy.Lead("x@b.com", usage: 1000, invitations: 5);
        var scoreA = plain.AccountRow(a).GetAttributeValue<int>(AccountColumns.AdoptionScore);
        var scoreB = busy.AccountRow(b).GetAttributeValue<int>(AccountColumns.AdoptionScore);
        Assert.Equal(5, scoreA);   // 1 fresh adopter × weight 5
        Assert.Equal(30, scoreB);  // 5 + 5×log10(1001) + 2×5 = 30
        Assert.Equal(busy.Stage(b), plain.Stage(a));
        Assert.Contains("Score 30 of 100, mostly from their usage and invitations", busy.AccountRow(b).GetAttributeValue<string>(AccountColumns.ScoreExplanation));
    }

    [Fact]
    public void Score_is_capped_at_100()
    {
        var e = new EngineOrg();
        var big = e.Account("Big", domains: "big.com");
        for (var i = 0; i < 30; i++) e.Lead($"p{i}@big.com", usage: 100000, invitations: 50);
        Assert.Equal(100, e.AccountRow(big).GetAttributeValue<int>(AccountColumns.AdoptionScore));
        Assert.Contains("Score 100 of 100", e.AccountRow(big).GetAttributeValue<string>(AccountColumns.ScoreExplanation));
    }

    [Fact]
    public void Email_change_moves_the_adopter_and_rescores_both_accounts()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso", domains: "contoso.com");
        var fabrikam = e.Account("Fabrikam", domains: "fabrikam.com");
        var lead = e.Lead("ann@contoso.com");
        e.Lead("bob@contoso.com");
        e.Service.Update(new Entity(LeadColumns.EntityName, lead) { [LeadColumns.EmailAddress1] = "ann@fabrikam.com" });
        Assert.Equal(fabrikam, EngineOrg.Parent(e.LeadRow(lead)));
        Assert.Equal(1, e.Adopters(contoso));
        Assert.Equal(1, e.Adopters(fabrikam));
        e.Service.Update(new Entity(LeadColumns.EntityName, lead) { [LeadColumns.EmailAddress1] = "ann@gmail.com" });
        Assert.Null(EngineOrg.Parent(e.LeadRow(lead)));
        Assert.Equal(0, e.Adopters(fabrikam));
    }

    [Fact]
    public void Deleted_and_disqualified_leads_stop_counting()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso", domains: "contoso.com");
        var a = e.Lead("a@contoso.com");
        var b = e.Lead("b@contoso.com");
        e.Lead("c@contoso.com");
        e.Service.Delete(LeadColumns.EntityName, a);
        Assert.Equal(2, e.Adopters(contoso));
        // Disqualify (Lost) as Dataverse documents it: an Update of statecode and statuscode.
        e.Service.Update(new Entity(LeadColumns.EntityName, b) { [LeadColumns.StateCode] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(4) });
        Assert.Equal(1, e.Adopters(contoso));
        e.Service.Update(new Entity(LeadColumns.EntityName, b) { [LeadColumns.StateCode] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(1) });
        Assert.Equal(2, e.Adopters(contoso));
    }

    [Fact]
    public void Removing_one_of_two_signups_of_a_person_keeps_them_counted()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso", domains: "contoso.com");
        var first = e.Lead("ann@contoso.com");
        e.Org.Clock.Advance(TimeSpan.FromDays(2));
        var second = e.Lead("ann@contoso.com");
        e.Service.Delete(LeadColumns.EntityName, second);
        Assert.Equal(1, e.Adopters(contoso));
        e.Service.Delete(LeadColumns.EntityName, first);
        Assert.Equal(0, e.Adopters(contoso));
    }

    [Fact]
    public void Removing_a_domain_row_unlinks_its_leads_and_rescores()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso");
        var row = e.Domain(contoso, "contoso.com");
        var lead = e.Lead("ann@contoso.com");
        Assert.Equal(1, e.Adopters(contoso));
        e.Service.Delete(AccountDomainColumns.EntityName, row);
        Assert.Null(EngineOrg.Parent(e.LeadRow(lead)));
        Assert.Equal(MatchOutcome.Unmatched, EngineOrg.Outcome(e.LeadRow(lead)));
        Assert.Equal(0, e.Adopters(contoso));
    }
}
