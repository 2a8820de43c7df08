using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Engine.Tests;

/// <summary>The person-level model: adopters, companies (with and without an account), accounts over their companies.</summary>
public class AdopterModelTests
{
    private static List<Entity> Adopters(EngineOrg e, string domain)
    {
        var query = new QueryExpression(AdopterColumns.EntityName) { ColumnSet = new ColumnSet(true) };
        query.Criteria.AddCondition(AdopterColumns.CompanyId, ConditionOperator.Equal, RowIds.Company(domain));
        return e.Service.RetrieveMultiple(query).Entities.ToList();
    }

    private static Entity Company(EngineOrg e, string domain) =>
        e.Service.Retrieve(CompanyColumns.EntityName, RowIds.Company(domain), new ColumnSet(true));

    private static Guid LeadOf(EngineOrg e, string email, string first, string last, string? title = null, int usage = 0)
    {
        var lead = new Entity(LeadColumns.EntityName) { [LeadColumns.FirstName] = first, [LeadColumns.LastName] = last, [LeadColumns.EmailAddress1] = email, [LeadColumns.Usage] = usage };
        if (title != null) lead[LeadColumns.JobTitle] = title;
        return e.Service.Create(lead);
    }

    [Fact]
    public void One_adopter_row_per_person_whatever_the_case_accents_or_invisible_characters_of_their_email()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso", domains: "contoso.com");
        var first = LeadOf(e, "Carla.Silva@Contoso.com", "Carla", "Silva", "Engineer", usage: 3);
        e.Org.Clock.Advance(TimeSpan.FromDays(2));
        var latest = LeadOf(e, "carla.silva\u200B@CONTOSO.COM", "Carla", "Silva", "CTO", usage: 4);
        LeadOf(e, "Ju\u0308rgen@contoso.com", "Jürgen", "Beck");
        LeadOf(e, "jürgen@contoso.com", "Jürgen", "Beck");
        LeadOf(e, "carla.silva+crm@contoso.com", "Carla", "Silva"); // plus-addressing is another mailbox

        var adopters = Adopters(e, "contoso.com").ToDictionary(a => a.GetAttributeValue<string>(AdopterColumns.Email));
        Assert.Equal(new[] { "carla.silva+crm@contoso.com", "carla.silva@contoso.com", "jürgen@contoso.com" }, adopters.Keys.OrderBy(k => k, StringComparer.Ordinal));
        var carla = adopters["carla.silva@contoso.com"];
        Assert.Equal(("Carla Silva", "CTO", 2, 7), (carla.GetAttributeValue<string>(AdopterColumns.Name), carla.GetAttributeValue<string>(AdopterColumns.JobTitle),
            carla.GetAttributeValue<int>(AdopterColumns.Signups), carla.GetAttributeValue<int>(AdopterColumns.Usage)));
        Assert.Equal(latest, carla.GetAttributeValue<EntityReference>(AdopterColumns.LatestLeadId).Id);
        Assert.Equal(e.LeadRow(first).GetAttributeValue<DateTime>(LeadColumns.CreatedOn), carla.GetAttributeValue<DateTime>(AdopterColumns.FirstSignupOn));
        Assert.Equal(contoso, carla.GetAttributeValue<EntityReference>(AdopterColumns.AccountId).Id);
        Assert.True(carla.GetAttributeValue<bool>(AdopterColumns.Counted));
        // The account's count is its counted adopters, one per person.
        Assert.Equal(3, e.Adopters(contoso));
        Assert.Equal(3, adopters.Values.Count(a => a.GetAttributeValue<bool>(AdopterColumns.Counted)));
    }

    [Fact]
    public void Sixteen_people_at_a_company_without_an_account_make_an_Enterprise_ready_company_on_the_prospecting_list()
    {
        var e = new EngineOrg();
        for (var i = 0; i < 16; i++)
        {
            e.Lead($"engineer{i}@acmerobotics.com");
            e.Org.Clock.Advance(TimeSpan.FromDays(3)); // two months
        }
        var company = Company(e, "acmerobotics.com");
        Assert.Equal(16, company.GetAttributeValue<int>(CompanyColumns.People));
        Assert.Equal((int)AdoptionStage.EnterpriseReady, company.GetAttributeValue<OptionSetValue>(CompanyColumns.Stage).Value);
        Assert.Null(company.GetAttributeValue<EntityReference>(CompanyColumns.AccountId));
        Assert.Contains("prospecting list", company.GetAttributeValue<string>(CompanyColumns.Explanation));
        Assert.Empty(e.Accounts());
        Assert.Equal(16, Adopters(e, "acmerobotics.com").Count);
        Assert.All(Adopters(e, "acmerobotics.com"), a => Assert.Null(a.GetAttributeValue<EntityReference>(AdopterColumns.AccountId)));
    }

    [Fact]
    public void Linking_a_company_to_an_account_adds_the_domain_and_moves_its_adopters_leads_and_counts_in_one_action()
    {
        var e = new EngineOrg();
        var leads = Enumerable.Range(0, 4).Select(i => e.Lead($"p{i}@acmerobotics.com")).ToList();
        var acme = e.Account("Acme Robotics");
        e.Service.Update(new Entity(CompanyColumns.EntityName, RowIds.Company("acmerobotics.com")) { [CompanyColumns.AccountId] = new EntityReference(AccountColumns.EntityName, acme) });

        Assert.Equal(4, e.Adopters(acme));
        Assert.Equal(AdoptionStage.Team, e.Stage(acme));
        Assert.All(Adopters(e, "acmerobotics.com"), a => Assert.Equal(acme, a.GetAttributeValue<EntityReference>(AdopterColumns.AccountId).Id));
        Assert.All(leads.Select(e.LeadRow), l => Assert.Equal(acme, EngineOrg.Parent(l)));
        var domain = Assert.Single(e.Service.RetrieveMultiple(new QueryExpression(AccountDomainColumns.EntityName) { ColumnSet = new ColumnSet(true) }).Entities);
        Assert.Equal(("acmerobotics.com", acme), (domain.GetAttributeValue<string>(AccountDomainColumns.Name), domain.GetAttributeValue<EntityReference>(AccountDomainColumns.AccountId).Id));
        // The next signup links straight to the account.
        Assert.Equal(acme, EngineOrg.Parent(e.LeadRow(e.Lead("p9@acmerobotics.com"))));
        Assert.Equal(5, e.Adopters(acme));
    }

    [Fact]
    public void A_hand_set_account_is_never_overwritten_by_free_mail_an_empty_email_or_a_relink()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso", domains: "contoso.com");
        var partner = e.Account("Partner");
        var created = e.Service.Create(new Entity(LeadColumns.EntityName) { [LeadColumns.LastName] = "S", [LeadColumns.EmailAddress1] = "ann@contoso.com", [LeadColumns.ParentAccountId] = new EntityReference(AccountColumns.EntityName, partner) });
        var moved = e.Lead("bob@contoso.com");
        Assert.Equal(contoso, EngineOrg.Parent(e.LeadRow(moved)));
        e.Service.Update(new Entity(LeadColumns.EntityName, moved) { [LeadColumns.ParentAccountId] = new EntityReference(AccountColumns.EntityName, partner) });

        foreach (var id in new[] { created, moved })
        {
            Assert.Equal((int)MatchMethod.Manual, e.LeadRow(id).GetAttributeValue<OptionSetValue>(LeadColumns.MatchMethod).Value);
            e.Service.Update(new Entity(LeadColumns.EntityName, id) { [LeadColumns.EmailAddress1] = "someone@gmail.com" });
            Assert.Equal(partner, EngineOrg.Parent(e.LeadRow(id)));
            e.Service.Update(new Entity(LeadColumns.EntityName, id) { [LeadColumns.EmailAddress1] = null });
            Assert.Equal(partner, EngineOrg.Parent(e.LeadRow(id)));
            e.Service.Update(new Entity(LeadColumns.EntityName, id) { [LeadColumns.EmailAddress1] = "ann2@contoso.com" });
            Assert.Equal(partner, EngineOrg.Parent(e.LeadRow(id)));
        }
        // A domain move relinks the company and its other leads, not the hand-set ones.
        var other = e.Account("Contoso Group");
        e.Domain(other, "contoso.com", primary: true);
        e.Service.Update(new Entity(CompanyColumns.EntityName, RowIds.Company("contoso.com")) { [CompanyColumns.AccountId] = new EntityReference(AccountColumns.EntityName, other) });
        Assert.Equal(partner, EngineOrg.Parent(e.LeadRow(created)));
        Assert.Equal(partner, EngineOrg.Parent(e.LeadRow(moved)));
    }

    [Fact]
    public void A_task_Create_that_throws_leaves_the_lead_saved_and_counted_and_the_failure_on_record_after_retries()
    {
        var e = new EngineOrg();
        e.Org.RegisterStep(new StepDefinition("Create", TaskColumns.EntityName, 20), new ThrowingPlugin());
        e.Settings(s => s[AdoptionSettingsColumns.TaskIndividual] = true);
        var contoso = e.Account("Contoso", domains: "contoso.com");
        var lead = e.Lead("ann@contoso.com");

        Assert.NotNull(e.LeadRow(lead));
        Assert.Equal(1, e.Adopters(contoso));
        Assert.Equal(AdoptionStage.Individual, e.Stage(contoso));
        Assert.Empty(e.Tasks(contoso));
        var job = Assert.Single(e.Org.AsyncQueue.Jobs, j => j.Step.PluginName.Contains("AccountPlayPlugin"));
        Assert.Equal((31, AsyncQueue.MaxAttempts), (job.StatusCode, job.Attempts)); // Failed, after the retries
        Assert.Contains("could not be written", job.Error);
        Assert.Contains("the owner has no privilege", job.Error);
    }

    [Fact]
    public void Opposite_moves_at_once_both_complete_with_exact_counts()
    {
        var e = new EngineOrg();
        var x = e.Account("X", domains: "alpha.com");
        var y = e.Account("Y", domains: "beta.com");
        for (var i = 0; i < 3; i++) { e.Lead($"a{i}@alpha.com"); e.Lead($"b{i}@beta.com"); }
        e.Lead("b3@beta.com");
        var start = new Barrier(2);
        Parallel.Invoke(
            () => { start.SignalAndWait(); e.Org.SystemService.Update(new Entity(CompanyColumns.EntityName, RowIds.Company("alpha.com")) { [CompanyColumns.AccountId] = new EntityReference(AccountColumns.EntityName, y) }); },
            () => { start.SignalAndWait(); e.Org.SystemService.Update(new Entity(CompanyColumns.EntityName, RowIds.Company("beta.com")) { [CompanyColumns.AccountId] = new EntityReference(AccountColumns.EntityName, x) }); });
        e.Drain();
        Assert.Equal((4, 3), (e.Adopters(x), e.Adopters(y)));
        Assert.Equal(y, Company(e, "alpha.com").GetAttributeValue<EntityReference>(CompanyColumns.CountedAccountId).Id);
        Assert.Equal(x, Company(e, "beta.com").GetAttributeValue<EntityReference>(CompanyColumns.CountedAccountId).Id);
    }

    private sealed class ThrowingPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider) =>
            throw new InvalidPluginExecutionException("the owner has no privilege to own tasks");
    }
}
