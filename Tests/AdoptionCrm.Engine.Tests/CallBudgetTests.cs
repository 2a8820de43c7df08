using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Engine.Tests;

/// <summary>
/// The work per lead create, read from the emulator's log of the plugins' service calls (every
/// IOrganizationService call a plugin makes, with the rows it returned and examined), the same for a
/// company with 10 people as with 1,000 (1,000,000 is the benchmark's). Inside the signup's transaction:
/// the linking's two reads. After it, in the asynchronous step: the company Update that takes the company's
/// lock, and inside it the adopter read and write, the company write, and the account's Update (its lock)
/// with the account step's write. The log lists a call when it returns, so a lock Update comes after the
/// calls of the step that runs inside it.
/// </summary>
public class CallBudgetTests
{
    private const string Settings = "RetrieveMultiple adopt_adoptionsettings";
    private const string Claims = "RetrieveMultiple adopt_accountdomain";
    private const string ReadAdopter = "RetrieveMultiple adopt_adopter";
    private const string CreateAdopter = "Create adopt_adopter";
    private const string UpdateAdopter = "Update adopt_adopter";
    private const string CompanyWrite = "Update adopt_company";   // the company step's write of what changed
    private const string CompanyLock = "Update adopt_company";    // the async step's request; took the lock, returns last
    private const string AccountWrite = "Update account";
    private const string AccountLock = "Update account";
    
    private sealed record Budget(IReadOnlyList<string> Calls, int Rows, long Examined);

    /// <summary>An account with existingLeads adopters (one bulk load), then the measured create.</summary>
    private static Budget Measure(int existingLeads, string email, Action<Entity>? settings = null, TimeSpan? after = null)
    {
        var e = new EngineOrg();
        e.Settings(settings);
        var contoso = e.Account("Contoso", domains: "contoso.com");
        var requests = new OrganizationRequestCollection();
        for (var i = 0; i < existingLeads; i++)
        {
            requests.Add(new OrganizationRequest("Create") { ["Target"] = new Entity(LeadColumns.EntityName) { [LeadColumns.LastName] = "S", [LeadColumns.EmailAddress1] = $"old{i}@contoso.com" } });
            if (requests.Count == 1000 || i == existingLeads - 1)
            {
                e.Service.Execute(new OrganizationRequest("ExecuteMultiple") { ["Requests"] = requests, ["Settings"] = new ExecuteMultipleSettings { ContinueOnError = false } });
                requests = new OrganizationRequestCollection();
            }
        }
        Assert.Equal(existingLeads, e.Adopters(contoso));
        if (after != null) e.Org.Clock.Advance(after.Value);
        e.Org.Log.Clear();
        e.Lead(email);
        var calls = e.Org.Log.ServiceCalls;
        Assert.Single(calls.Select(c => c.CorrelationId).Distinct());
        return new Budget(calls.Select(c => $"{c.Request} {c.Table}:{c.RowsReturned}").ToList(), calls.Sum(c => c.RowsReturned), calls.Sum(c => c.RowsExamined));
    }

    private static void SameAtBothSizes(Budget small, Budget large)
    {
        Assert.Equal(small.Calls, large.Calls);
        Assert.Equal(small.Rows, large.Rows);
        // Rows the calls read (scanned or through an index), not only those returned: nothing walks the account's leads.
        Assert.Equal(small.Examined, large.Examined);
    }

    [Fact]
    public void New_adopter_costs_8_calls_2_of_them_in_the_signup_at_10_and_1000_people()
    {
        var small = Measure(10, "new.person@contoso.com");
        var large = Measure(1000, "new.person@contoso.com");
        SameAtBothSizes(small, large);
        Assert.Equal(new[] { Settings + ":1", Claims + ":1", ReadAdopter + ":0", CreateAdopter + ":0", AccountWrite + ":0", AccountLock + ":0", CompanyWrite + ":0", CompanyLock + ":0" }, large.Calls);
    }

    [Fact]
    public void Returning_adopter_costs_the_same_8_calls_and_is_recognised_by_its_adopter_row()
    {
        var small = Measure(10, "old3@contoso.com", after: TimeSpan.FromDays(1));
        var large = Measure(1000, "old3@contoso.com", after: TimeSpan.FromDays(1));
        SameAtBothSizes(small, large);
        Assert.Equal(new[] { Settings + ":1", Claims + ":1", ReadAdopter + ":1", UpdateAdopter + ":0", AccountWrite + ":0", AccountLock + ":0", CompanyWrite + ":0", CompanyLock + ":0" }, large.Calls);
    }

    [Fact]
    public void A_company_without_an_account_costs_6_calls()
    {
        var e = new EngineOrg();
        for (var i = 0; i < 20; i++) e.Lead($"p{i}@acmerobotics.com");
        e.Org.Log.Clear();
        e.Lead("new.person@acmerobotics.com");
        Assert.Equal(new[] { Settings + ":0", Claims + ":0", ReadAdopter + ":0", CreateAdopter + ":0", CompanyWrite + ":0", CompanyLock + ":0" },
            e.Org.Log.ServiceCalls.Select(c => $"{c.Request} {c.Table}:{c.RowsReturned}"));
    }

    [Fact]
    public void Excluded_signup_costs_the_one_settings_and_rules_read()
    {
        var small = Measure(10, "someone@gmail.com");
        var large = Measure(1000, "someone@gmail.com");
        SameAtBothSizes(small, large);
        Assert.Equal(new[] { Settings + ":1" }, large.Calls);
    }

    [Fact]
    public void Bytes_written_per_signup_do_not_grow_with_the_company()
    {
        static long Written(int people)
        {
            var e = new EngineOrg();
            e.Account("Contoso", domains: "contoso.com");
            for (var i = 0; i < people; i++) e.Lead($"p{i}@contoso.com", drain: false);
            e.Drain();
            var company = e.Service.Retrieve(CompanyColumns.EntityName, AdoptionCrm.Plugins.Adoption.RowIds.Company("contoso.com"), new Microsoft.Xrm.Sdk.Query.ColumnSet(true));
            return company.Attributes.Values.Sum(v => v?.ToString()?.Length ?? 0);
        }
        // The company row (what every signup reads in its image and writes back) is bounded by the window, not the people.
        Assert.InRange(Written(300), 0, 8 * 1024);
        Assert.Equal(Written(30) / 100, Written(300) / 100);
    }
}
