using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Engine.Tests;

/// <summary>Usage and invitations: they change an adopter in place, and the score takes them bounded.</summary>
public class SignalTests
{
    [Fact]
    public void Usage_only_and_invitations_only_updates_change_the_adopter_in_place_with_no_stage_flip()
    {
        var e = new EngineOrg();
        var solo = e.Account("Solo", domains: "solo.com");
        e.Org.Log.Clear();
        var lead = e.Lead("ann@solo.com", usage: 1, invitations: 0);
        var adopter = RowIds.Adopter("ann@solo.com", "solo.com");
        Assert.Equal(AdoptionStage.Individual, e.Stage(solo));
        Assert.True(PlayRan(e), "a stage change runs the play step (what the updates below must not do)");

        foreach (var change in new[] { (LeadColumns.Usage, 40), (LeadColumns.Invitations, 7) })
        {
            e.Org.Log.Clear();
            e.Org.SystemService.Update(new Entity(LeadColumns.EntityName, lead) { [change.Item1] = change.Item2 });
            e.Drain();
            var calls = e.Org.Log.ServiceCalls.Select(c => c.Request + " " + c.Table).ToList();
            // One request to the company (a set, no removal): one read and one conditional company Update, where a
            // removal and an arrival would be two of each; the adopter row is updated, never deleted and made again.
            Assert.Equal(1, calls.Count(c => c == "RetrieveMultiple adopt_company"));
            Assert.Equal(1, calls.Count(c => c == "Update adopt_company"));
            Assert.DoesNotContain("Delete adopt_adopter", calls);
            Assert.DoesNotContain("Create adopt_adopter", calls);
            Assert.Contains("Update adopt_adopter", calls);
            Assert.Equal(1, e.Adopters(solo));
            Assert.Equal(AdoptionStage.Individual, e.Stage(solo));
            Assert.False(PlayRan(e), "the stage column was written, so the play step ran");
        }
        var row = e.Service.Retrieve(AdopterColumns.EntityName, adopter, new ColumnSet(AdopterColumns.Usage, AdopterColumns.Invitations, AdopterColumns.Signups));
        Assert.Equal((40, 7, 1), (row.GetAttributeValue<int>(AdopterColumns.Usage), row.GetAttributeValue<int>(AdopterColumns.Invitations), row.GetAttributeValue<int>(AdopterColumns.Signups)));
    }

    [Fact]
    public void One_person_with_huge_usage_and_invitations_scores_below_fifteen_people_and_nothing_overflows()
    {
        var one = new EngineOrg();
        var a = one.Account("A", domains: "a.com");
        // Three signups of one person at int.MaxValue: invitations 6442450941 in all, more than an int holds.
        for (var i = 0; i < 3; i++) one.Lead("heavy@a.com", usage: int.MaxValue, invitations: int.MaxValue);
        var team = new EngineOrg();
        var b = team.Account("B", domains: "b.com");
        for (var i = 0; i < 15; i++) team.Lead($"p{i}@b.com");

        var scoreOne = one.AccountRow(a).GetAttributeValue<int>(AccountColumns.AdoptionScore);
        var scoreTeam = team.AccountRow(b).GetAttributeValue<int>(AccountColumns.AdoptionScore);
        Assert.InRange(scoreOne, 1, 100);
        Assert.True(scoreOne < scoreTeam, $"one person {scoreOne} vs fifteen people {scoreTeam}");
        var adopter = one.Service.Retrieve(AdopterColumns.EntityName, RowIds.Adopter("heavy@a.com", "a.com"), new ColumnSet(AdopterColumns.Invitations, AdopterColumns.Usage));
        Assert.Equal(int.MaxValue, adopter.GetAttributeValue<int>(AdopterColumns.Invitations)); // the row shows the total, clipped to its column
        Assert.Equal(int.MaxValue, adopter.GetAttributeValue<int>(AdopterColumns.Usage));
        var explanation = one.AccountRow(a).GetAttributeValue<string>(AccountColumns.ScoreExplanation);
        Assert.DoesNotContain("6442450941", explanation);
        Assert.StartsWith("1 person signed up this week, the only one in the last 60 days: Individual", explanation);
        // The company's buckets hold the person's capped signals, so sums stay small at any company size.
        var company = one.Service.Retrieve(CompanyColumns.EntityName, RowIds.Company("a.com"), new ColumnSet(CompanyColumns.Buckets));
        var bucket = DayBuckets.Parse(company.GetAttributeValue<string>(CompanyColumns.Buckets)).Buckets.Single();
        Assert.Equal((1, SignalLimits.UsagePerPerson, SignalLimits.InvitationsPerPerson), (bucket.People, bucket.Usage, bucket.Invitations));
    }

    // The play step is registered on Update of the account's stage: it runs only when the stage column is written.
    private static bool PlayRan(EngineOrg e) => e.Org.Log.Entries.Any(x => x.Plugin.EndsWith("AccountPlayPlugin", StringComparison.Ordinal));
}
