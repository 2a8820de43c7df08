using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;

namespace AdoptionCrm.Engine.Tests;

/// <summary>The sentence next to a score: who signed up, the stage in its label's words, what the score comes from, as of when.</summary>
public class AdoptionExplanationTests
{
    private static readonly DateTime Dec2 = new(2026, 12, 2, 5, 30, 0, DateTimeKind.Utc);
    private static readonly AdoptionSettings Defaults = AdoptionDefaults.Settings;

    [Fact]
    public void An_enterprise_ready_company_reads_as_a_sentence_with_its_date()
    {
        Assert.Equal("15 people signed up in the last 60 days, 4 of them this week: Enterprise-ready. Score 75 of 100, mostly from the number of people. As of 2 Dec 2026.",
            AdoptionExplanation.Compose(15, 4, AdoptionStage.EnterpriseReady, 75, 60, 3, Defaults, Dec2));
    }

    [Fact]
    public void A_lower_stage_says_how_many_more_people_reach_the_next()
    {
        Assert.Equal("3 people signed up in the last 60 days, none this week: Team (5 more for Spreading). Score 12 of 100, mostly from the number of people. As of 2 Dec 2026.",
            AdoptionExplanation.Compose(3, 0, AdoptionStage.Team, 12, 12, 0, Defaults, Dec2));
        Assert.Equal("1 person signed up this week, the only one in the last 60 days: Individual (2 more for Team). Score 30 of 100, mostly from their usage and invitations. As of 2 Dec 2026.",
            AdoptionExplanation.Compose(1, 1, AdoptionStage.Individual, 30, 5, 25, Defaults, Dec2));
        Assert.Equal("2 people signed up in the last 60 days, all of them this week: Individual (1 more for Team). Score 10 of 100, mostly from the number of people. As of 2 Dec 2026.",
            AdoptionExplanation.Compose(2, 2, AdoptionStage.Individual, 10, 10, 0, Defaults, Dec2));
    }

    [Fact]
    public void No_one_in_the_window_says_so_with_the_date()
    {
        Assert.Equal("No one signed up in the last 60 days. As of 2 Dec 2026.", AdoptionExplanation.Compose(0, 0, AdoptionStage.None, 0, 0, 0, Defaults, Dec2));
    }

    [Fact]
    public void The_score_calculator_explains_with_the_composer_and_never_with_arithmetic()
    {
        var buckets = new DayBuckets();
        for (var d = 0; d < 15; d++) buckets.Add(new DayBucket(Dec2.Date.AddDays(-d * 3), 1, 100, 2), 1);
        var summary = ScoreCalculator.Compute(buckets, Dec2, Defaults);
        Assert.Equal(AdoptionStage.EnterpriseReady, summary.Stage);
        Assert.StartsWith("15 people signed up in the last 60 days, 3 of them this week: Enterprise-ready. Score " + summary.Score.Value + " of 100", summary.Score.Explanation);
        Assert.EndsWith("As of 2 Dec 2026.", summary.Score.Explanation);
        Assert.DoesNotContain("=", summary.Score.Explanation);
        Assert.DoesNotContain("pts", summary.Score.Explanation);
        Assert.DoesNotContain("EnterpriseReady", summary.Score.Explanation);
    }
}
