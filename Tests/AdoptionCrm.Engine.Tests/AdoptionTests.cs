using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Engine.Tests;

public class AdoptionTests
{
    [Fact]
    public void Fifteen_signups_in_sixty_days_reach_Enterprise_ready_with_exactly_one_task_per_stage()
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
        var tasks = e.Tasks(contoso);
        Assert.Equal(4, tasks.Count);
        foreach (var stage in new[] { "Individual", "Team", "Spreading", "Enterprise-ready" })
            Assert.Single(tasks, t => t.GetAttributeValue<string>(TaskColumns.Subject) == $"Contoso reached {stage} adoption");
        var enterprise = tasks.Single(t => t.GetAttributeValue<string>(TaskColumns.Subject).Contains("Enterprise-ready"));
        Assert.Equal(e.Rep, enterprise.GetAttributeValue<EntityReference>(TaskColumns.OwnerId).Id);
        Assert.Equal((int)TaskPriority.High, enterprise.GetAttributeValue<OptionSetValue>(TaskColumns.PriorityCode).Value);
        Assert.Contains("person14@contoso.com", enterprise.GetAttributeValue<string>(TaskColumns.Description));
        Assert.Contains("15 distinct people", enterprise.GetAttributeValue<string>(TaskColumns.Description));
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
        e.Lead("late3@contoso.com"); // back at Team, 61 days after the first Team task: past the cooldown, tasked again
        Assert.Equal(2, e.Tasks(contoso).Count(t => t.GetAttributeValue<string>(TaskColumns.Subject).Contains("Team")));
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

    [Fact]
    public void Team_owned_and_disabled_owners_fall_back_to_the_settings_user()
    {
        var e = new EngineOrg();
        var fallback = e.Org.CreateUser("Fiona", "Fallback");
        e.Settings(s => s[AdoptionSettingsColumns.FallbackUserId] = new EntityReference("systemuser", fallback));
        var team = e.Org.CreateTeam("Sales team");
        var teamOwned = e.Account("Team owned", domains: "teamowned.com");
        e.Service.Update(new Entity(AccountColumns.EntityName, teamOwned) { [AccountColumns.OwnerId] = new EntityReference("team", team) });
        var gone = e.Org.CreateUser("Gone", "Away");
        var disabledOwned = e.Account("Disabled owned", owner: gone, domains: "disabledowned.com");
        e.Service.Update(new Entity("systemuser", gone) { ["isdisabled"] = true });

        e.Lead("x@teamowned.com");
        e.Lead("x@disabledowned.com");
        Assert.Equal(fallback, e.Tasks(teamOwned).Single().GetAttributeValue<EntityReference>(TaskColumns.OwnerId).Id);
        Assert.Equal(fallback, e.Tasks(disabledOwned).Single().GetAttributeValue<EntityReference>(TaskColumns.OwnerId).Id);
        Assert.Contains("owned by a team", e.Tasks(teamOwned).Single().GetAttributeValue<string>(TaskColumns.Description));
    }

    [Fact]
    public void Cooldown_holds_back_a_repeated_stage_task_but_never_an_escalation()
    {
        var e = new EngineOrg();
        e.Settings(s => { s[AdoptionSettingsColumns.TaskCooldownDays] = 30; s[AdoptionSettingsColumns.WindowDays] = 10; });
        var contoso = e.Account("Contoso", domains: "contoso.com");
        e.Lead("a@contoso.com");                              // Individual task
        e.Org.Clock.Advance(TimeSpan.FromDays(1));
        for (var i = 0; i < 2; i++) e.Lead($"b{i}@contoso.com"); // Team task the next day: escalation beats the cooldown
        Assert.Equal(2, e.Tasks(contoso).Count);
        e.Org.Clock.Advance(TimeSpan.FromDays(11));             // everyone aged out
        var lonely = e.Lead("c@contoso.com");
        e.Service.Delete(LeadColumns.EntityName, lonely);       // 0 adopters: the stage drops to None
        Assert.Equal(AdoptionStage.None, e.Stage(contoso));
        e.Lead("d@contoso.com");                                // Individual again, 12 days after the last task: within cooldown
        Assert.Equal(2, e.Tasks(contoso).Count);
        e.Org.Clock.Advance(TimeSpan.FromDays(31));
        var again = e.Lead("e@contoso.com");
        e.Service.Delete(LeadColumns.EntityName, again);
        e.Lead("f@contoso.com");
        Assert.Equal(AdoptionStage.Individual, e.Stage(contoso));
        Assert.Equal(3, e.Tasks(contoso).Count);                // cooldown over: the repeated stage is tasked again
    }
}
