namespace AdoptionCrm.Cli.Simulate;

/// <summary>
/// What a long replay says while it runs: a line at each whole percent (from 1,000 signups up; a small replay is
/// over before anyone would read one), with the rate so far and the time left at that rate.
/// </summary>
public sealed class ReplayProgress
{
    public const int QuietBelow = 1_000;

    private readonly Func<TimeSpan> _elapsed;
    private int _lastPercent;

    public ReplayProgress(Func<TimeSpan> elapsed) => _elapsed = elapsed;

    /// <summary>The line to show after <paramref name="done"/> of <paramref name="total"/> signups, or null when there is none to show.</summary>
    public string? After(int done, int total)
    {
        if (total < QuietBelow || done <= 0) return null;
        var percent = (int)(done * 100L / total);
        if (percent <= _lastPercent) return null;
        _lastPercent = percent;
        var elapsed = _elapsed();
        var rate = done / Math.Max(elapsed.TotalSeconds, 0.001);
        var left = TimeSpan.FromSeconds((total - done) / rate);
        return $"simulate: {done:N0} of {total:N0} signups ({percent}%), {elapsed.TotalSeconds:N0} s, {rate:N0} signups/s"
            + (done < total ? $", about {left.TotalMinutes:N0} min left" : "");
    }
}
