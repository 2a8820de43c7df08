using AdoptionCrm.Cli.Bench;

namespace AdoptionCrm.Cli.Tests;

/// <summary>
/// The engine bench's invariants (never its timings): per-signup calls, rows examined and bytes are the same at
/// a small and a larger company, the signups all count, and the rebuild reads each lead a bounded number of times.
/// </summary>
public class EngineBenchTests
{
    [Fact]
    public void Calls_rows_and_bytes_per_signup_are_the_same_at_300_and_3000_people()
    {
        // Both sizes have signups on every day of the seeded span, so the day buckets (bounded by the window) are as many.
        var small = EngineSignupBench.MeasureSignups(300, 20, _ => { });
        var large = EngineSignupBench.MeasureSignups(3_000, 20, _ => { });
        Assert.Equal((300, 3_000), (small.PeopleBefore, large.PeopleBefore));
        Assert.Equal(small.PeopleBefore + small.NewPeople, small.PeopleAfter);
        Assert.Equal(large.PeopleBefore + large.NewPeople, large.PeopleAfter);
        // A new person's signup is the same work at any size (a returning one's depends on when they last signed up).
        Assert.Equal(small.NewPersonCalls, large.NewPersonCalls);
        Assert.Equal(small.NewPersonRows, large.NewPersonRows);
        Assert.Equal(small.InRequest, large.InRequest);
        Assert.Equal(small.Calls.Max, large.Calls.Max);
        Assert.InRange(large.Calls.Max, 1, 8);
        Assert.InRange(large.Rows.Max, 1, 20);
        // The company's day buckets hold counts, so their digits may grow a little; the people never show.
        Assert.InRange(large.Read.Max, 1, 8 * 1024);
        Assert.InRange(large.Written.Max, 1, 8 * 1024);
        Assert.InRange(large.Written.Mean - small.Written.Mean, -300, 300);
        Assert.InRange(large.Read.Mean - small.Read.Mean, -300, 300);
    }

    [Fact]
    public void Rebuild_processes_every_lead_and_reads_a_bounded_number_of_rows_per_lead()
    {
        var r = EngineSignupBench.MeasureRebuild(3_000, _ => { });
        Assert.True(r.Processed >= 3_000);
        Assert.InRange(r.RowsRead / 3_000.0, 1, 5);
    }
}
