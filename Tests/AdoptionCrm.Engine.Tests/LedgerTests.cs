using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Scoring;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Engine.Tests;

/// <summary>
/// The account's ledger decides "new or returning" alone (no read of the account's leads), so it must
/// know every person counted in the window, and stay bounded however many people sign up.
/// </summary>
public class LedgerTests
{
    private const int MemoMax = 1048576; // Dataverse's largest memo column, adopt_adoptionledger's MaxLength
    private static readonly DateTime Today = new(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime WindowStart = AdoptionLedger.WindowStart(Today, 60);

    private static AdoptionLedger RoundTrip(AdoptionLedger ledger) => AdoptionLedger.Parse(ledger.ToString());

    [Fact]
    public void A_person_counted_on_any_day_of_the_window_moves_to_their_latest_day_and_counts_once()
    {
        var ledger = new AdoptionLedger();
        ledger.AddSignup("ann@contoso.com", Today.AddDays(-40), 0, 0, WindowStart);
        ledger.AddSignup("bob@contoso.com", Today.AddDays(-10), 0, 0, WindowStart);
        ledger = RoundTrip(ledger);
        ledger.AddSignup("ann@contoso.com", Today, 0, 0, WindowStart);
        ledger = RoundTrip(ledger);
        Assert.Equal(2, ledger.People);
        Assert.Equal(new[] { (Today.AddDays(-10), 1), (Today, 1) }, ledger.Buckets.Where(b => b.People > 0).Select(b => (b.Day, b.People)));
        // An older signup of someone counted later changes nothing.
        ledger.AddSignup("ann@contoso.com", Today.AddDays(-20), 0, 0, WindowStart);
        Assert.Equal(2, ledger.People);
        Assert.False(ledger.IsApproximate);
    }

    [Fact]
    public void A_person_whose_day_left_the_window_is_new_again()
    {
        var ledger = new AdoptionLedger();
        ledger.AddSignup("ann@contoso.com", Today.AddDays(-70), 0, 0, AdoptionLedger.WindowStart(Today.AddDays(-70), 60));
        ledger.Prune(WindowStart);
        Assert.Equal(0, ledger.People);
        Assert.Equal(0, ledger.TrackedPeople);
        ledger.AddSignup("ann@contoso.com", Today, 0, 0, WindowStart);
        Assert.Equal(1, ledger.People);
    }

    [Fact]
    public void Removal_moves_a_tracked_person_to_their_remaining_day_or_forgets_them()
    {
        var ledger = new AdoptionLedger();
        ledger.AddSignup("ann@contoso.com", Today.AddDays(-5), 0, 0, WindowStart);
        ledger.AddSignup("ann@contoso.com", Today, 0, 0, WindowStart);
        ledger.RemoveSignup("ann@contoso.com", Today, Today.AddDays(-5), 0, 0, WindowStart);
        ledger = RoundTrip(ledger);
        Assert.Equal(new[] { (Today.AddDays(-5), 1) }, ledger.Buckets.Where(b => b.People > 0).Select(b => (b.Day, b.People)));
        ledger.RemoveSignup("ann@contoso.com", Today.AddDays(-5), null, 0, 0, WindowStart);
        Assert.Equal(0, ledger.People);
        ledger.AddSignup("ann@contoso.com", Today, 0, 0, WindowStart);
        Assert.Equal(1, ledger.People); // forgotten, so new again
    }

    [Fact]
    public void The_recent_adopters_list_keeps_the_latest_15_people_once_each_newest_first()
    {
        var ledger = new AdoptionLedger();
        var leads = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        for (var i = 0; i < 20; i++) ledger.AddSignup($"p{i}@contoso.com", Today.AddDays(-20 + i), 0, 0, WindowStart, leads[i]);
        var again = Guid.NewGuid();
        ledger.AddSignup("p10@contoso.com", Today, 0, 0, WindowStart, again);  // returns on a later day: first, once
        ledger.AddSignup("p19@contoso.com", Today.AddDays(-1), 0, 0, WindowStart, Guid.NewGuid()); // same day again: no change
        ledger = RoundTrip(ledger);
        var expected = new[] { again }.Concat(Enumerable.Range(5, 15).Reverse().Where(i => i != 10).Select(i => leads[i])).Take(RecentAdopters.Size).ToList();
        Assert.Equal(expected, ledger.Recent.LeadIds);
        ledger.RemoveSignup("p19@contoso.com", Today.AddDays(-1), null, 0, 0, WindowStart, leads[19]);
        Assert.DoesNotContain(leads[19], ledger.Recent.LeadIds);
        Assert.Equal(19, ledger.People);
    }

    [Fact]
    public void The_earlier_form_with_marks_for_the_latest_day_only_still_reads()
    {
        string mark = AdoptionLedger.Mark("ann@contoso.com");
        var ledger = AdoptionLedger.Parse("2025-02-20:3:10:1;2025-03-01:2:0:0|2025-03-01:" + mark);
        Assert.Equal(5, ledger.People);
        Assert.Equal(1, ledger.TrackedPeople);
        Assert.True(ledger.IsApproximate); // the other four were counted without a hash
        ledger.AddSignup("ann@contoso.com", Today, 0, 0, WindowStart);
        Assert.Equal(5, ledger.People);
        Assert.Equal(10, ledger.Usage);
    }

    [Fact]
    public void The_ledger_stays_bounded_with_more_people_than_the_cap_and_counts_the_rest_approximately()
    {
        const int people = AdoptionLedger.TrackedPeopleCap + 2500;
        var ledger = new AdoptionLedger();
        for (var i = 0; i < people; i++) ledger.AddSignup($"person{i}@contoso.com", Today.AddDays(-(i % 60)), 1, 0, WindowStart);
        ledger = RoundTrip(ledger);
        Assert.Equal(AdoptionLedger.TrackedPeopleCap, ledger.TrackedPeople);
        Assert.Equal(people, ledger.People); // all different people: the count is still exact
        Assert.True(ledger.IsApproximate);
        string text = ledger.ToString();
        // 60 day headers plus 17 characters per tracked person, whatever the number of people past the cap.
        int bound = 60 * 64 + AdoptionLedger.TrackedPeopleCap * 17;
        Assert.InRange(text.Length, AdoptionLedger.TrackedPeopleCap * 16, bound);
        Assert.True(bound < MemoMax);

        // More people past the cap: the text does not grow (only the counts do).
        for (var i = people; i < people + 1000; i++) ledger.AddSignup($"person{i}@contoso.com", Today, 0, 0, WindowStart);
        ledger = RoundTrip(ledger);
        Assert.Equal(people + 1000, ledger.People);
        Assert.InRange(ledger.ToString().Length, text.Length - 10, text.Length + 10);

        // A tracked person returning is still recognised; an untracked one is counted again (the approximation).
        ledger.AddSignup("person0@contoso.com", Today, 0, 0, WindowStart);
        Assert.Equal(people + 1000, ledger.People);
        var score = ScoreCalculator.Compute(ledger, Today, AdoptionDefaults.Settings);
        Assert.Contains("approximate", score.Explanation);
        Assert.Contains("10,000", score.Explanation);
    }

    [Fact]
    public void An_account_whose_ledger_is_past_the_cap_takes_a_signup_in_the_same_calls_and_stays_bounded()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso", domains: "contoso.com");
        var now = e.Org.Clock.UtcNow;
        var full = new AdoptionLedger();
        for (var i = 0; i < AdoptionLedger.TrackedPeopleCap + 500; i++)
            full.AddSignup($"p{i}@contoso.com", now.Date.AddDays(-(i % 30)), 0, 0, AdoptionLedger.WindowStart(now, 60));
        string before = full.ToString();
        // As the engine would have left it: Enterprise-ready and tasked, so these signups earn no task.
        e.Service.Update(new Entity(AccountColumns.EntityName, contoso)
        {
            [AccountColumns.AdoptionLedger] = before,
            [AccountColumns.AdoptionStage] = new OptionSetValue((int)AdoptionStage.EnterpriseReady),
            [AccountColumns.TaskedStage] = new OptionSetValue((int)AdoptionStage.EnterpriseReady),
        });
        e.Org.Log.Clear();
        e.Lead("p3@contoso.com"); // tracked, signed up 3 days ago: moves, not counted again
        e.Lead("new.person@contoso.com"); // past the cap: counted untracked
        Assert.Equal(new[] { "RetrieveMultiple", "RetrieveMultiple", "Update", "Update", "RetrieveMultiple", "RetrieveMultiple", "Update", "Update" },
            e.Org.Log.ServiceCalls.Select(c => c.Request));
        var account = e.AccountRow(contoso);
        Assert.Equal(AdoptionLedger.TrackedPeopleCap + 501, account.GetAttributeValue<int>(AccountColumns.AdopterCount));
        Assert.Contains("approximate", account.GetAttributeValue<string>(AccountColumns.ScoreExplanation));
        // The same marks, plus the two people's entries in the recent-adopters list (bounded by its 15).
        Assert.InRange(account.GetAttributeValue<string>(AccountColumns.AdoptionLedger).Length, before.Length - 20, before.Length + 20 + 2 * 50);
    }
}
