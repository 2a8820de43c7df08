using AdoptionCrm.Cli.Simulate;

namespace AdoptionCrm.Cli.Tests;

public class ReplayProgressTests
{
    [Fact]
    public void A_long_replay_reports_each_whole_percent_once_with_its_rate_and_time_left()
    {
        var seconds = 0.0;
        var progress = new ReplayProgress(() => TimeSpan.FromSeconds(seconds));
        var lines = new List<string>();
        for (var done = 1; done <= 200_000; done++)
        {
            seconds = done / 1_000.0;
            if (progress.After(done, 200_000) is { } line) lines.Add(line);
        }

        Assert.Equal(100, lines.Count);
        Assert.Equal("simulate: 2,000 of 200,000 signups (1%), 2 s, 1,000 signups/s, about 3 min left", lines[0]);
        Assert.Equal("simulate: 200,000 of 200,000 signups (100%), 200 s, 1,000 signups/s", lines[^1]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(ReplayProgress.QuietBelow - 1)]
    public void A_small_replay_says_nothing(int total)
    {
        var progress = new ReplayProgress(() => TimeSpan.FromSeconds(1));
        Assert.All(Enumerable.Range(0, total + 1), done => Assert.Null(progress.After(done, total)));
    }
}
