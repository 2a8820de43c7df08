using AdoptionCrm.Plugins.Model;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Engine.Tests;

/// <summary>The rep's one living play per account: when it starts, how it escalates, what a rep's close holds back, who owns it.</summary>
public class PlayTests
{
    [Fact]
    public void A_one_person_company_gets_no_play_by_default_and_the_play_starts_at_Team()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso", domains: "contoso.com");
        e.Lead("ann@contoso.com");
        Assert.Equal(AdoptionStage.Individual, e.Stage(contoso));
        Assert.Empty(e.Tasks(contoso));
        e.Lead("bob@contoso.com");
        e.Lead("cy@contoso.com");
        var play = Assert.Single(e.Tasks(contoso));
        Assert.Equal(AdoptionStage.Team, StageOf(play));
        Assert.DoesNotContain("Team", play.GetAttributeValue<string>(TaskColumns.Subject)); // the stage is a column, not subject text
    }

    [Fact]
    public void Individual_is_tasked_when_sales_ops_turn_it_on()
    {
        var e = new EngineOrg();
        e.Settings(s => s[AdoptionSettingsColumns.TaskIndividual] = true);
        var contoso = e.Account("Contoso", domains: "contoso.com");
        e.Lead("ann@contoso.com");
        Assert.Equal(AdoptionStage.Individual, StageOf(Assert.Single(e.Tasks(contoso))));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // no page says RetrieveMultiple rows carry RowVersion: the engine must work either way
    public void A_rising_account_keeps_one_play_escalated_in_place(bool queryRowsCarryRowVersion)
    {
        var e = new EngineOrg(options: o => { o.QueryRowsCarryRowVersion = queryRowsCarryRowVersion; o.ExecutionLogCapacity = null; });
        var contoso = e.Account("Contoso", domains: "contoso.com");
        for (var i = 0; i < 3; i++) e.Lead($"p{i}@contoso.com");
        var team = Assert.Single(e.Tasks(contoso));
        Assert.Equal((int)TaskPriority.Normal, team.GetAttributeValue<OptionSetValue>(TaskColumns.PriorityCode).Value);
        Assert.Contains("team plan", team.GetAttributeValue<string>(TaskColumns.Description));
        e.Org.Clock.Advance(TimeSpan.FromDays(1));
        for (var i = 3; i < 15; i++) e.Lead($"p{i}@contoso.com"); // through Spreading to Enterprise-ready

        var play = Assert.Single(e.Tasks(contoso));
        Assert.Equal(team.Id, play.Id);
        Assert.Equal(AdoptionStage.EnterpriseReady, StageOf(play));
        Assert.Equal(TaskColumns.StateOpen, play.GetAttributeValue<OptionSetValue>(TaskColumns.StateCode).Value);
        Assert.Equal((int)TaskPriority.High, play.GetAttributeValue<OptionSetValue>(TaskColumns.PriorityCode).Value);
        Assert.NotEqual(team.GetAttributeValue<string>(TaskColumns.Subject), play.GetAttributeValue<string>(TaskColumns.Subject));
        Assert.Contains("company-wide plan", play.GetAttributeValue<string>(TaskColumns.Subject));
        var text = play.GetAttributeValue<string>(TaskColumns.Description);
        Assert.Contains("Escalated from Spreading to Enterprise-ready", text);
        Assert.Contains("Contoso is Enterprise-ready: 15 people", text);
        Assert.Contains("a company-wide plan with SSO, admin controls and compliance", text);
        // Due sooner at the higher stage, never later than the Team play's date.
        Assert.True(play.GetAttributeValue<DateTime>(TaskColumns.ScheduledEnd) < team.GetAttributeValue<DateTime>(TaskColumns.ScheduledEnd));
        Assert.Equal(e.Org.Clock.UtcNow.AddDays(2).Date, play.GetAttributeValue<DateTime>(TaskColumns.ScheduledEnd).Date);
        Assert.Equal(AdoptionStage.EnterpriseReady, (AdoptionStage)e.AccountRow(contoso).GetAttributeValue<OptionSetValue>(AccountColumns.TaskedStage).Value);
        // The escalation writes against the version the open play was read with; only without one does it Retrieve it.
        var taskRetrieves = e.Org.Log.ServiceCalls.Count(c => c.Request == "Retrieve" && c.Table == TaskColumns.EntityName);
        if (queryRowsCarryRowVersion) Assert.Equal(0, taskRetrieves); else Assert.True(taskRetrieves >= 2, taskRetrieves + " task Retrieves");
    }

    [Fact]
    public void A_completed_play_is_not_given_again_for_its_stage_before_the_cooldown_but_a_rise_still_escalates()
    {
        var e = new EngineOrg();
        e.Settings(s => { s[AdoptionSettingsColumns.TaskCooldownDays] = 30; s[AdoptionSettingsColumns.WindowDays] = 10; });
        var contoso = e.Account("Contoso", domains: "contoso.com");
        for (var i = 0; i < 3; i++) e.Lead($"a{i}@contoso.com");
        var first = Assert.Single(e.Tasks(contoso));
        Close(e, first.Id, completed: true);

        e.Org.Clock.Advance(TimeSpan.FromDays(11));               // the three aged out
        for (var i = 0; i < 3; i++) e.Lead($"b{i}@contoso.com");   // Individual, then Team again: 11 days after the rep closed it
        Assert.Equal(AdoptionStage.Team, e.Stage(contoso));
        Assert.Single(e.Tasks(contoso));                          // held back by the cooldown

        for (var i = 3; i < 8; i++) e.Lead($"b{i}@contoso.com");   // Spreading: above what the rep closed
        var open = Assert.Single(e.Tasks(contoso), t => t.GetAttributeValue<OptionSetValue>(TaskColumns.StateCode).Value == TaskColumns.StateOpen);
        Assert.Equal(AdoptionStage.Spreading, StageOf(open));
    }

    [Fact]
    public void A_cancelled_play_holds_back_its_stage_until_the_cooldown_has_passed()
    {
        var e = new EngineOrg();
        e.Settings(s => { s[AdoptionSettingsColumns.TaskCooldownDays] = 30; s[AdoptionSettingsColumns.WindowDays] = 10; });
        var contoso = e.Account("Contoso", domains: "contoso.com");
        for (var i = 0; i < 3; i++) e.Lead($"a{i}@contoso.com");
        Close(e, Assert.Single(e.Tasks(contoso)).Id, completed: false);

        e.Org.Clock.Advance(TimeSpan.FromDays(11));
        for (var i = 0; i < 3; i++) e.Lead($"b{i}@contoso.com");
        Assert.Single(e.Tasks(contoso));                          // 11 days after the cancel: nothing new

        e.Org.Clock.Advance(TimeSpan.FromDays(20));               // 31 days after the cancel, everyone aged out again
        for (var i = 0; i < 3; i++) e.Lead($"c{i}@contoso.com");
        Assert.Equal(2, e.Tasks(contoso).Count);
        Assert.Single(e.Tasks(contoso), t => t.GetAttributeValue<OptionSetValue>(TaskColumns.StateCode).Value == TaskColumns.StateOpen);
    }

    [Fact]
    public void A_falling_and_rising_account_never_stacks_a_second_open_play()
    {
        var e = new EngineOrg();
        e.Settings(s => { s[AdoptionSettingsColumns.TaskCooldownDays] = 0; s[AdoptionSettingsColumns.WindowDays] = 10; });
        var contoso = e.Account("Contoso", domains: "contoso.com");
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 3; i++) e.Lead($"r{round}p{i}@contoso.com");
            e.Org.Clock.Advance(TimeSpan.FromDays(11));
        }
        Assert.Single(e.Tasks(contoso));
    }

    [Fact]
    public void The_play_names_a_champion_from_title_usage_and_invitations_and_says_why()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso", domains: "contoso.com");
        Person(e, "intern@contoso.com", "Ivan", "Intern", "Intern", invitations: 20, usage: 50);
        Person(e, "carla@contoso.com", "Carla", "Silva", "CTO", invitations: 6, usage: 1200);
        Person(e, "dev@contoso.com", "Dana", "Dev", "Software Engineer", usage: 100000);
        var play = Assert.Single(e.Tasks(contoso));
        var text = play.GetAttributeValue<string>(TaskColumns.Description);
        Assert.Contains("Call first: Carla Silva, CTO <carla@contoso.com>. Why: the most senior title among the 3 people here (CTO); invited 6 colleagues", text);
        Assert.Contains("Contoso: call Carla Silva about a team plan", play.GetAttributeValue<string>(TaskColumns.Subject));
        Assert.Contains("- Dana Dev, Software Engineer <dev@contoso.com>", text);
        Assert.Contains("(3 new this week)", text);
        var explanation = e.AccountRow(contoso).GetAttributeValue<string>(AccountColumns.ScoreExplanation);
        Assert.False(string.IsNullOrEmpty(explanation));
        Assert.Contains("Why this account: " + explanation.Trim().Split('\n')[0], text);
        Assert.Contains("As of ", text); // the explanation's own as-of date, said once
    }

    [Fact]
    public void A_small_account_is_read_once_for_its_play()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso", domains: "contoso.com");
        e.Lead("ann@contoso.com", invitations: 12);
        e.Lead("bob@contoso.com");
        e.Org.Log.Clear();
        e.Lead("cy@contoso.com", usage: 900);
        var text = Assert.Single(e.Tasks(contoso)).GetAttributeValue<string>(TaskColumns.Description);
        // Fewer people than the newest-first list holds: that one read has everyone, the inviter and the user included.
        Assert.Equal(1, PlayReadsOfPeople(e));
        Assert.Contains("<ann@contoso.com>. Why: invited 12 colleagues, the most here", text);
        Assert.Contains("(3 new this week)", text);
    }

    [Fact]
    public void A_large_account_finds_its_champion_beyond_the_newest_people_and_counts_the_week_exactly()
    {
        foreach (var weekSplit in new[] { false, true })
        {
            var e = new EngineOrg();
            e.Settings(s => s[AdoptionSettingsColumns.EnterpriseThreshold] = 60);
            var big = e.Account("Big", domains: "big.com");
            e.Lead("first@big.com", invitations: 20); // the earliest signup: never among the 50 newest below
            for (var i = 1; i < 59; i++)
            {
                e.Org.Clock.Advance(TimeSpan.FromMinutes(1));
                if (weekSplit && i == 40) e.Org.Clock.Advance(TimeSpan.FromDays(8)); // 40 people last week, 20 this week
                e.Lead($"p{i}@big.com");
            }
            e.Org.Log.Clear();
            e.Org.Clock.Advance(TimeSpan.FromMinutes(1));
            e.Lead("p59@big.com");
            Assert.Equal(AdoptionStage.EnterpriseReady, e.Stage(big));
            var play = e.Tasks(big).Single(t => StageOf(t) == AdoptionStage.EnterpriseReady);
            var text = play.GetAttributeValue<string>(TaskColumns.Description);
            Assert.Contains("<first@big.com>. Why: invited 20 colleagues", text);
            Assert.Contains(weekSplit ? "(20 new this week)" : "(60 new this week)", text);
            // The newest 50, the top inviters and the top users; the week's count needs its own read only when all 50
            // newest signed up this week (more may have).
            Assert.Equal(weekSplit ? 3 : 4, PlayReadsOfPeople(e));
        }
    }

    private static int PlayReadsOfPeople(EngineOrg e) =>
        e.Org.Log.ServiceCalls.Count(c => c.CallerTable == AccountColumns.EntityName && c.Request == "RetrieveMultiple" && c.Table == AdopterColumns.EntityName);

    [Fact]
    public void No_play_is_owned_by_SYSTEM_or_a_disabled_user_on_any_path()
    {
        var plays = new List<(string Path, EngineOrg Org, Entity Task)>();
        EngineOrg Org() => new();

        { // the rep owns it
            var e = Org(); var a = e.Account("Rep", domains: "rep.com"); Team(e, "rep.com");
            plays.Add(("rep", e, Assert.Single(e.Tasks(a))));
            Assert.Equal(e.Rep, OwnerOf(plays[^1].Task).Id);
        }
        { // a disabled owner falls back to the fallback user
            var e = Org(); var fallback = e.Org.CreateUser("Fiona", "Fallback");
            e.Settings(s => s[AdoptionSettingsColumns.FallbackUserId] = new EntityReference("systemuser", fallback));
            var gone = e.Org.CreateUser("Gone", "Away"); var a = e.Account("Disabled", owner: gone, domains: "disabled.com");
            e.Service.Update(new Entity("systemuser", gone) { ["isdisabled"] = true });
            Team(e, "disabled.com");
            plays.Add(("disabled owner", e, Assert.Single(e.Tasks(a))));
            Assert.Equal(fallback, OwnerOf(plays[^1].Task).Id);
        }
        { // disabled owner and disabled fallback user: the fallback queue, owned by the queue's owner
            var e = Org(); var fallback = e.Org.CreateUser("Fiona", "Fallback"); var quinn = e.Org.CreateUser("Quinn", "Queue");
            var queue = e.Org.CreateQueue("Adoption follow-ups");
            e.Service.Update(new Entity(OwnerTables.Queue, queue) { ["ownerid"] = new EntityReference("systemuser", quinn) });
            e.Settings(s => { s[AdoptionSettingsColumns.FallbackUserId] = new EntityReference("systemuser", fallback); s[AdoptionSettingsColumns.FallbackQueueId] = new EntityReference(OwnerTables.Queue, queue); });
            var gone = e.Org.CreateUser("Gone", "Away"); var a = e.Account("Both disabled", owner: gone, domains: "both.com");
            e.Service.Update(new Entity("systemuser", gone) { ["isdisabled"] = true });
            e.Service.Update(new Entity("systemuser", fallback) { ["isdisabled"] = true });
            Team(e, "both.com");
            plays.Add(("queue", e, Assert.Single(e.Tasks(a))));
            Assert.Equal(quinn, OwnerOf(plays[^1].Task).Id);
            Assert.Single(e.Service.RetrieveMultiple(new QueryExpression("queueitem") { ColumnSet = new ColumnSet("objectid") }).Entities,
                i => i.GetAttributeValue<EntityReference>("objectid").Id == plays[^1].Task.Id);
        }
        { // an account owned by SYSTEM (made by a plug-in or an import without an owner)
            var e = Org(); var fallback = e.Org.CreateUser("Fiona", "Fallback");
            e.Settings(s => s[AdoptionSettingsColumns.FallbackUserId] = new EntityReference("systemuser", fallback));
            var a = e.Account("System owned", owner: e.Org.SystemUserId, domains: "sys.com");
            Team(e, "sys.com");
            plays.Add(("SYSTEM-owned account", e, Assert.Single(e.Tasks(a))));
            Assert.Equal(fallback, OwnerOf(plays[^1].Task).Id);
            Assert.Contains("owned by SYSTEM", plays[^1].Task.GetAttributeValue<string>(TaskColumns.Description));
        }
        { // a team-owned account: the team by default
            var e = Org(); var team = e.Org.CreateTeam("Sales");
            var a = e.Account("Team owned", domains: "team.com");
            e.Service.Update(new Entity(AccountColumns.EntityName, a) { [AccountColumns.OwnerId] = new EntityReference(OwnerTables.Team, team) });
            Team(e, "team.com");
            plays.Add(("team", e, Assert.Single(e.Tasks(a))));
            Assert.Equal((OwnerTables.Team, team), (OwnerOf(plays[^1].Task).LogicalName, OwnerOf(plays[^1].Task).Id));
        }
        { // a team-owned account with team plays to the fallback queue
            var e = Org(); var team = e.Org.CreateTeam("Sales"); var quinn = e.Org.CreateUser("Quinn", "Queue");
            var queue = e.Org.CreateQueue("Adoption follow-ups");
            e.Service.Update(new Entity(OwnerTables.Queue, queue) { ["ownerid"] = new EntityReference("systemuser", quinn) });
            e.Settings(s => { s[AdoptionSettingsColumns.TeamPlaysToQueue] = true; s[AdoptionSettingsColumns.FallbackQueueId] = new EntityReference(OwnerTables.Queue, queue); });
            var a = e.Account("Team to queue", domains: "tq.com");
            e.Service.Update(new Entity(AccountColumns.EntityName, a) { [AccountColumns.OwnerId] = new EntityReference(OwnerTables.Team, team) });
            Team(e, "tq.com");
            plays.Add(("team to queue", e, Assert.Single(e.Tasks(a))));
            Assert.Equal(quinn, OwnerOf(plays[^1].Task).Id);
        }
        { // an auto-created account
            var e = Org(); var ops = e.Org.CreateUser("Olga", "Ops");
            e.Settings(s => { s[AdoptionSettingsColumns.AutoCreateAccounts] = true; s[AdoptionSettingsColumns.FallbackUserId] = new EntityReference("systemuser", ops); });
            Team(e, "wingtip.com");
            var account = Assert.Single(e.Accounts());
            plays.Add(("auto-created", e, Assert.Single(e.Tasks(account.Id))));
            Assert.Equal(ops, OwnerOf(plays[^1].Task).Id);
        }
        { // the holder of an open play leaves; the escalation hands it to someone who can work it
            var e = Org(); var fallback = e.Org.CreateUser("Fiona", "Fallback");
            e.Settings(s => s[AdoptionSettingsColumns.FallbackUserId] = new EntityReference("systemuser", fallback));
            var a = e.Account("Left", domains: "left.com");
            Team(e, "left.com");
            e.Service.Update(new Entity("systemuser", e.Rep) { ["isdisabled"] = true });
            for (var i = 0; i < 5; i++) e.Lead($"more{i}@left.com");
            plays.Add(("holder left", e, Assert.Single(e.Tasks(a))));
            Assert.Equal(fallback, OwnerOf(plays[^1].Task).Id);
        }
        { // nobody can own it: no play, and the failure stays on the system job
            var e = Org(); var gone = e.Org.CreateUser("Gone", "Away");
            var a = e.Account("Nobody", owner: gone, domains: "nobody.com");
            e.Service.Update(new Entity("systemuser", gone) { ["isdisabled"] = true });
            Team(e, "nobody.com");
            Assert.Empty(e.Tasks(a));
            Assert.Contains(e.Org.AsyncQueue.Jobs, j => j.Step.PluginName.Contains("AccountPlayPlugin") && (j.Error ?? "").Contains("No one can own the play"));
        }

        foreach (var (path, e, task) in plays)
        {
            var owner = OwnerOf(e.Service.Retrieve(TaskColumns.EntityName, task.Id, new ColumnSet(TaskColumns.OwnerId)));
            Assert.NotEqual(e.Org.SystemUserId, owner.Id);
            if (owner.LogicalName == "systemuser")
                Assert.True(e.Service.Retrieve("systemuser", owner.Id, new ColumnSet("isdisabled")).GetAttributeValue<bool?>("isdisabled") != true, path + ": owned by a disabled user");
        }
    }

    private static void Team(EngineOrg e, string domain)
    {
        for (var i = 0; i < 3; i++) e.Lead($"p{i}@{domain}");
    }

    private static void Person(EngineOrg e, string email, string first, string last, string title, int invitations = 0, int usage = 0)
    {
        e.Org.SystemService.Create(new Entity(LeadColumns.EntityName)
        {
            [LeadColumns.EmailAddress1] = email, [LeadColumns.FirstName] = first, [LeadColumns.LastName] = last, [LeadColumns.JobTitle] = title,
            [LeadColumns.Invitations] = invitations, [LeadColumns.Usage] = usage,
        });
        e.Drain();
    }

    private static void Close(EngineOrg e, Guid task, bool completed) =>
        e.Service.Execute(new SetStateRequest
        {
            EntityMoniker = new EntityReference(TaskColumns.EntityName, task),
            State = new OptionSetValue(completed ? TaskColumns.StateCompleted : TaskColumns.StateCanceled),
            Status = new OptionSetValue(completed ? 5 : 6),
        });

    private static AdoptionStage StageOf(Entity task) => (AdoptionStage)task.GetAttributeValue<OptionSetValue>(TaskColumns.AdoptionStage).Value;
    private static EntityReference OwnerOf(Entity task) => task.GetAttributeValue<EntityReference>(TaskColumns.OwnerId);
}
