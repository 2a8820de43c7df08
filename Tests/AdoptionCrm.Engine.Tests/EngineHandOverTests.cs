using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Handover;
using AdoptionCrm.Plugins.Settings;
using AdoptionCrm.Plugins.Steps;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Engine.Tests;

/// <summary>
/// What the steps hand each other instead of reading again (settings with their rules, the signup tag), the
/// queue fallback, and the same person signing up from many threads at once.
/// </summary>
public class EngineHandOverTests
{
    [Fact]
    public void Settings_survive_the_text_hand_over_unchanged()
    {
        var fallback = new EntityReference(SystemUserColumns.EntityName, Guid.NewGuid());
        var row = new Entity(AdoptionSettingsColumns.EntityName, Guid.NewGuid())
        {
            [AdoptionSettingsColumns.TeamThreshold] = 4, [AdoptionSettingsColumns.WindowDays] = 45, [AdoptionSettingsColumns.UsageWeight] = 2.75m,
            [AdoptionSettingsColumns.ExcludeFreeMail] = false, [AdoptionSettingsColumns.OwnDomains] = "a.com\nb.co.uk",
            [AdoptionSettingsColumns.FallbackUserId] = fallback, [AdoptionSettingsColumns.TaskCooldownDays] = 0,
        };
        var original = AdoptionSettings.FromRow(row);
        var copy = SettingsText.Read(SettingsText.Write(original))!;
        Assert.Equal(SettingsText.Write(original), SettingsText.Write(copy));
        Assert.Equal((row.Id, 4, 45, 2.75m, false, 0), (copy.SettingsId!.Value, copy.TeamThreshold, copy.WindowDays, copy.UsageWeight, copy.ExcludeFreeMail, copy.TaskCooldownDays));
        Assert.Equal(new[] { "a.com", "b.co.uk" }, copy.OwnDomains);
        Assert.Equal(fallback.Id, copy.FallbackUser.Id);
        Assert.Null(SettingsText.Read(SettingsText.Write(AdoptionDefaults.Settings))!.SettingsId);
    }

    [Fact]
    public void Settings_text_reads_its_pairs_in_any_order_and_refuses_a_damaged_text()
    {
        var written = SettingsText.Write(AdoptionSettings.FromRow(new Entity(AdoptionSettingsColumns.EntityName, Guid.NewGuid())
        {
            [AdoptionSettingsColumns.TeamThreshold] = 4, [AdoptionSettingsColumns.OwnDomains] = "a=b.com\nc%.com",
        }));
        // Pairs in reverse order read as the same settings: the reader matches the expected key first, any key after.
        var reversed = string.Join(";", written.Split(';').Reverse());
        Assert.Equal(written, SettingsText.Write(SettingsText.Read(reversed)!));
        Assert.Equal(4, SettingsText.Read(reversed)!.TeamThreshold);
        // Values holding the separators and the escape character come back as written.
        Assert.Equal(new[] { "a=b.com", "c%.com" }, SettingsText.Read(written)!.OwnDomains);
        // A key the definition does not know, a pair without '=', an empty pair or trailing separator, an empty key and
        // a value its setting cannot read: the whole text is refused (null), never read in part.
        Assert.Null(SettingsText.Read(written + ";adopt_nosuchsetting=1"));
        Assert.Null(SettingsText.Read(written + ";" + AdoptionSettingsColumns.TeamThreshold));
        Assert.Null(SettingsText.Read(written + ";"));
        Assert.Null(SettingsText.Read(";" + written));
        Assert.Null(SettingsText.Read("=4;" + written));
        Assert.Null(SettingsText.Read(written.Replace(AdoptionSettingsColumns.TeamThreshold + "=4", AdoptionSettingsColumns.TeamThreshold + "=four")));
        // A key that only begins like a setting's column is not that setting.
        Assert.Null(SettingsText.Read(written.Replace(AdoptionSettingsColumns.TeamThreshold + "=", AdoptionSettingsColumns.TeamThreshold + "x=")));
    }

    [Fact]
    public void Company_and_account_requests_round_trip_and_a_foreign_value_is_refused()
    {
        var on = new DateTime(2025, 3, 1, 9, 30, 0, DateTimeKind.Utc);
        var lead = Guid.NewGuid();
        var request = new CompanyRequest
        {
            Kind = CompanyRequestKind.Person, Domain = "contoso.com", Email = "o'brien+x&y=z@contoso.com", LeadId = lead,
            Entry = new SignupEntry(lead, on, 12, 3, "Ann; O'Brien, Jr.", "CTO & founder"), LinkedAccountId = Guid.NewGuid(),
            Settings = AdoptionDefaults.Settings, RequestedOnUtc = on,
        };
        var read = HandoverText.ReadPending(HandoverText.Write(request)).Request!;
        Assert.Equal(HandoverText.Write(request), HandoverText.Write(read));
        Assert.True(read.Entry!.SameAs(request.Entry));
        Assert.Equal((request.Email, request.LinkedAccountId, on), (read.Email, read.LinkedAccountId, read.RequestedOnUtc));
        var removal = HandoverText.ReadPending(HandoverText.Write(new CompanyRequest { Kind = CompanyRequestKind.Person, Domain = "contoso.com", Email = "a@contoso.com", LeadId = lead })).Request!;
        Assert.Null(removal.Entry);

        var delta = DayBuckets.Parse("20250301:1:12:3;20250220:-1:-5:0");
        var account = HandoverText.ReadAccount(HandoverText.Write(new AccountRequest { Delta = delta, Settings = AdoptionDefaults.Settings, RequestedOnUtc = on }))!;
        Assert.Equal(delta.ToString(), account.Delta.ToString());
        Assert.False(account.Rebuild);

        Assert.Null(HandoverText.ReadPending("This is a value passed.").Request);
        Assert.Null(HandoverText.ReadPending("kind=person&domain=contoso.com").Request);
        Assert.Null(HandoverText.ReadPending("kind=person&email=a%40b.com&lead=" + lead.ToString("N") + "&settings=broken").Request);
        Assert.Null(HandoverText.ReadAccount("kind=other"));
        var text = HandoverText.Write(request);
        Assert.Null(HandoverText.ReadPending(text + "&").Request);            // an empty pair
        Assert.Null(HandoverText.ReadPending("=person&" + text).Request);     // a pair without a key
        Assert.Null(HandoverText.ReadPending(text + "&noequals").Request);
        Assert.Null(HandoverText.ReadPending("").Request);
        Assert.Equal(text, HandoverText.Write(HandoverText.ReadPending(text + "&unknown=ignored").Request!));
        // A text escaped in full (Uri.EscapeDataString, as texts were written before) reads the same.
        var fully = "kind=person&domain=contoso.com&email=" + Uri.EscapeDataString(request.Email) + "&lead=" + lead.ToString("N")
            + "&settings=" + Uri.EscapeDataString(SettingsText.Write(AdoptionDefaults.Settings)) + "&at=" + on.Ticks;
        var old = HandoverText.ReadPending(fully).Request!;
        Assert.Equal((request.Email, on), (old.Email, old.RequestedOnUtc));
        Assert.Equal(SettingsText.Write(AdoptionDefaults.Settings), SettingsText.Write(old.Settings!));
    }

    [Fact]
    public void A_plan_round_trips_with_every_value_type_and_a_damaged_plan_is_refused()
    {
        var on = new DateTime(2025, 3, 1, 9, 30, 0, DateTimeKind.Utc);
        var adopterId = Guid.NewGuid();
        var accountId = Guid.NewGuid();
        var adopter = new Entity(AdopterColumns.EntityName, adopterId)
        {
            [AdopterColumns.Name] = "O'Brien & Sons = 100% (a;b:c,d)", [AdopterColumns.Email] = "o'brien+x&y=z@contoso.com",
            [AdopterColumns.FirstSignupOn] = on, [AdopterColumns.Signups] = 3, [AdopterColumns.Counted] = true,
            [AdopterColumns.LatestLeadId] = new EntityReference(LeadColumns.EntityName, Guid.NewGuid()), [AdopterColumns.JobTitle] = null,
        };
        var account = new Entity(AccountColumns.EntityName, accountId) { RowVersion = "4828" };
        account[AccountColumns.AdoptionStage] = new OptionSetValue((int)AdoptionStage.Team);
        account[AccountColumns.ScoreExplanation] = "3 people; 100% = all & more";
        var plan = new SignupPlan(null, new AdopterWrite(AdopterWriteKind.Update, adopter), accountId, account, null, uncountDays: new[] { on.Date.AddDays(-61), on.Date.AddDays(-60) });
        var text = HandoverText.Write(plan);
        var read = HandoverText.ReadPending(text).Plan!;
        Assert.Equal(AdopterWriteKind.Update, read.Adopter.Kind);
        Assert.Equal(adopterId, read.Adopter.Row.Id);
        Assert.Equal(adopter.Attributes.OrderBy(a => a.Key).Select(a => (a.Key, Show(a.Value))), read.Adopter.Row.Attributes.OrderBy(a => a.Key).Select(a => (a.Key, Show(a.Value))));
        Assert.Equal(accountId, read.AccountId);
        Assert.Equal("4828", read.AccountUpdate!.RowVersion);
        Assert.Equal(account.Attributes.OrderBy(a => a.Key).Select(a => (a.Key, Show(a.Value))), read.AccountUpdate.Attributes.OrderBy(a => a.Key).Select(a => (a.Key, Show(a.Value))));
        Assert.Equal(new[] { on.Date.AddDays(-61), on.Date.AddDays(-60) }, read.UncountDays);
        Assert.All(read.UncountDays, day => Assert.Equal(DateTimeKind.Utc, day.Kind));
        Assert.Equal(text, HandoverText.Write(read));
        // Each value is escaped once: a nested row does not escape its own escapes again.
        Assert.DoesNotContain("%25", text.Replace("100%25", ""));

        // The account's lock path instead of its version, and no adopter write.
        var delta = DayBuckets.Parse("20250301:1:12:3");
        var locked = HandoverText.ReadPending(HandoverText.Write(new SignupPlan(null, AdopterWrite.None, accountId, null,
            new AccountRequest { Delta = delta, Settings = AdoptionDefaults.Settings, RequestedOnUtc = on }))).Plan!;
        Assert.Equal(AdopterWriteKind.None, locked.Adopter.Kind);
        Assert.Null(locked.AccountUpdate);
        Assert.Equal(delta.ToString(), locked.AccountRequest!.Delta.ToString());

        Assert.Null(HandoverText.ReadPending(text.Replace("adopterop=2", "adopterop=7")).Plan);
        Assert.Null(HandoverText.ReadPending(text.Replace("adopterid=" + adopterId.ToString("N"), "adopterid=nope")).Plan);
        Assert.Null(HandoverText.ReadPending(text.Replace("accountversion=4828", "accountversion=")).Plan);
        Assert.Null(HandoverText.ReadPending(text.Replace("&accountversion=4828", "")).Plan);   // account columns without their version
        Assert.Null(HandoverText.ReadPending(text.Replace("&account=" + accountId.ToString("N"), "")).Plan);   // an account row with no account
        Assert.Null(HandoverText.ReadPending(text.Replace("=i:3", "=i:three")).Plan);                          // an unreadable value
        Assert.Null(HandoverText.ReadPending(text.Replace("=o:", "=x:")).Plan);                                // an unknown type
        // Numbers are read in place: a sign, then digits only, inside the column's range.
        Assert.Equal(-3, HandoverText.ReadPending(text.Replace("=i:3", "=i:-3")).Plan!.Adopter.Row.GetAttributeValue<int>(AdopterColumns.Signups));
        foreach (var damaged in new[] { "=i:", "=i:-", "=i:3 ", "=i:99999999999", "=i:99999999999999999999" })
            Assert.Null(HandoverText.ReadPending(text.Replace("=i:3", damaged)).Plan);
        Assert.Null(HandoverText.ReadPending(text.Replace("=b:1", "=b:2")).Plan);
        Assert.Null(HandoverText.ReadPending(text.Replace("=b:1", "=b:")).Plan);
        Assert.Null(HandoverText.ReadPending(text.Replace("kind=signupplan", "kind=person")).Plan);
        Assert.Null(HandoverText.ReadPending(text.Replace("kind=signupplan", "kind=plan")).Plan);   // the nested form's kind: a plan, never read as one
        Assert.Null(HandoverText.ReadPending(text + "&").Plan);
        Assert.Null(HandoverText.ReadPending(text.Replace("uncountdays=", "uncountdays=x")).Plan);
        Assert.Null(HandoverText.ReadPending(text.Replace("uncountdays=", "uncountdays=,")).Plan);   // an empty day
    }

    [Fact]
    public void A_plan_the_company_step_cannot_read_fails_its_Update_and_leaves_the_company_as_it_was()
    {
        var e = new EngineOrg();
        e.Account("Contoso", domains: "contoso.com");
        e.Lead("ann@contoso.com");
        var id = RowIds.Company("contoso.com");
        var before = e.Service.Retrieve(CompanyColumns.EntityName, id, new ColumnSet(CompanyColumns.People, CompanyColumns.Buckets));
        // The nested form plans had before their rows were flat pairs, and a damaged plan of today's form.
        foreach (var text in new[] { "kind=plan&adopterop=1&adopterid=" + Guid.NewGuid().ToString("N") + "&adopter=adopt_name%3Ds:Ann", "kind=signupplan&adopterop=9" })
        {
            Assert.True(HandoverText.ReadPending(text).IsUnreadablePlan);
            var fault = Assert.Throws<System.ServiceModel.FaultException<OrganizationServiceFault>>(() =>
                e.Org.SystemService.Update(new Entity(CompanyColumns.EntityName, id) { [CompanyColumns.PendingChange] = text, [CompanyColumns.People] = 99 }));
            Assert.Contains("could not be read", fault.Message);
            var after = e.Service.Retrieve(CompanyColumns.EntityName, id, new ColumnSet(CompanyColumns.People, CompanyColumns.Buckets));
            Assert.Equal(before.GetAttributeValue<int>(CompanyColumns.People), after.GetAttributeValue<int>(CompanyColumns.People));
            Assert.Equal(before.GetAttributeValue<string>(CompanyColumns.Buckets), after.GetAttributeValue<string>(CompanyColumns.Buckets));
        }
        Assert.False(HandoverText.ReadPending("kind=person&domain=contoso.com").IsUnreadablePlan);
    }

    [Fact]
    public void A_pending_text_reads_once_as_a_plan_a_damaged_plan_a_request_or_nothing()
    {
        var accountId = Guid.NewGuid();
        var planText = HandoverText.Write(new SignupPlan(null, AdopterWrite.None, accountId, null,
            new AccountRequest { Delta = new DayBuckets(), RequestedOnUtc = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc) }, new List<DateTime>()));
        var plan = HandoverText.ReadPending(planText);
        Assert.Equal(accountId, plan.Plan!.AccountId);
        Assert.Null(plan.Request);
        Assert.False(plan.IsUnreadablePlan);

        var damaged = HandoverText.ReadPending(planText.Replace("account=" + accountId.ToString("N"), "account=nope"));
        Assert.True(damaged.IsUnreadablePlan);
        Assert.Null(damaged.Plan);

        var lead = Guid.NewGuid();
        var request = HandoverText.ReadPending(HandoverText.Write(new CompanyRequest { Kind = CompanyRequestKind.Person, Domain = "contoso.com", Email = "a@contoso.com", LeadId = lead }));
        Assert.Equal(lead, request.Request!.LeadId);
        Assert.Null(request.Plan);
        Assert.False(request.IsUnreadablePlan);

        foreach (var nothing in new[] { null, "", "This is a value passed.", "kind=person&domain=contoso.com" })
        {
            var read = HandoverText.ReadPending(nothing!);
            Assert.Null(read.Plan);
            Assert.Null(read.Request);
            Assert.False(read.IsUnreadablePlan);
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        EntityReference r => r.LogicalName + "/" + r.Id,
        OptionSetValue o => "o" + o.Value,
        DateTime d => d.ToUniversalTime().Ticks.ToString(),
        _ => value.ToString()!,
    };

    [Fact]
    public void A_rule_saved_before_any_settings_row_creates_the_default_row_and_applies_in_the_one_read()
    {
        var e = new EngineOrg();
        e.Account("Partner", domains: "partner.com");
        e.Service.Create(new Entity(DomainRuleColumns.EntityName) { [DomainRuleColumns.Name] = "partner.com", [DomainRuleColumns.RuleType] = new OptionSetValue((int)RuleType.Exclude) });
        var settings = Assert.Single(e.Service.RetrieveMultiple(new QueryExpression(AdoptionSettingsColumns.EntityName) { ColumnSet = new ColumnSet(true) }).Entities);
        Assert.Equal(DomainRuleNormalizationPlugin.DefaultSettingsName, settings[AdoptionSettingsColumns.Name]);
        e.Org.Log.Clear();
        Assert.Equal(MatchOutcome.ExcludedRule, EngineOrg.Outcome(e.LeadRow(e.Lead("x@partner.com"))));
        var call = Assert.Single(e.Org.Log.ServiceCalls);
        Assert.Equal(("RetrieveMultiple", AdoptionSettingsColumns.EntityName, 1), (call.Request, call.Table, call.RowsReturned));
    }

    [Fact]
    public void Rules_left_without_a_settings_row_are_attached_to_the_next_one()
    {
        var e = new EngineOrg();
        var first = e.Settings();
        var rule = e.Service.Create(new Entity(DomainRuleColumns.EntityName) { [DomainRuleColumns.Name] = "partner.com", [DomainRuleColumns.RuleType] = new OptionSetValue((int)RuleType.Exclude) });
        // As after the settings row is deleted (RemoveLink): the rule is left without one.
        e.Service.Update(new Entity(DomainRuleColumns.EntityName, rule) { [DomainRuleColumns.SettingsId] = null });
        e.Service.Update(new Entity(AdoptionSettingsColumns.EntityName, first) { [AdoptionSettingsColumns.IsActive] = false });
        e.Account("Partner", domains: "partner.com");
        Assert.Equal(MatchOutcome.Linked, EngineOrg.Outcome(e.LeadRow(e.Lead("a@partner.com")))); // no active row: defaults, no rules
        var second = e.Settings();
        Assert.Equal(second, e.Service.Retrieve(DomainRuleColumns.EntityName, rule, new ColumnSet(DomainRuleColumns.SettingsId)).GetAttributeValue<EntityReference>(DomainRuleColumns.SettingsId).Id);
        Assert.Equal(MatchOutcome.ExcludedRule, EngineOrg.Outcome(e.LeadRow(e.Lead("b@partner.com"))));
    }

    [Fact]
    public void A_team_owned_account_without_a_fallback_user_gets_its_task_in_the_fallback_queue()
    {
        var e = new EngineOrg();
        var queue = e.Org.CreateQueue("Adoption follow-ups");
        var quinn = e.Org.CreateUser("Quinn", "Queue");
        e.Service.Update(new Entity(OwnerTables.Queue, queue) { [OwnerTables.OwnerId] = new EntityReference("systemuser", quinn) });
        e.Settings(s =>
        {
            s[AdoptionSettingsColumns.FallbackQueueId] = new EntityReference(OwnerTables.Queue, queue);
            s[AdoptionSettingsColumns.TeamPlaysToQueue] = true;
            s[AdoptionSettingsColumns.TaskIndividual] = true;
        });
        var account = e.Account("Team owned", domains: "teamowned.com");
        e.Service.Update(new Entity(AccountColumns.EntityName, account) { [AccountColumns.OwnerId] = new EntityReference(OwnerTables.Team, e.Org.CreateTeam("Sales")) });
        e.Org.Log.Clear();
        e.Lead("x@teamowned.com");
        var task = Assert.Single(e.Tasks(account));
        Assert.Contains("fallback queue", task.GetAttributeValue<string>(TaskColumns.Description));
        Assert.Equal(quinn, task.GetAttributeValue<EntityReference>(TaskColumns.OwnerId).Id); // the queue's owner, never SYSTEM
        var item = Assert.Single(e.Service.RetrieveMultiple(new QueryExpression("queueitem") { ColumnSet = new ColumnSet("queueid", "objectid") }).Entities);
        Assert.Equal((queue, task.Id), (item.GetAttributeValue<EntityReference>("queueid").Id, item.GetAttributeValue<EntityReference>("objectid").Id));
        // The play routes the task it created to the queue right after creating it (and reading that it is the one play).
        var calls = e.Org.Log.ServiceCalls.Select(c => c.Request + " " + c.Table).ToList();
        Assert.Equal(new[] { "Create task", "RetrieveMultiple task", "AddToQueue task" }, calls.Skip(calls.IndexOf("Create task")).Take(3));
    }

    [Fact]
    public void The_same_person_signing_up_from_eight_threads_at_once_counts_once_with_one_task()
    {
        var e = new EngineOrg();
        e.Settings(s => s[AdoptionSettingsColumns.TaskIndividual] = true);
        var contoso = e.Account("Contoso", domains: "contoso.com");
        var start = new Barrier(8);
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            start.SignalAndWait();
            e.Lead("ann@contoso.com");
        });
        Assert.Equal(1, e.Adopters(contoso));
        Assert.Single(e.Tasks(contoso));
    }
}
