using System.Diagnostics;

namespace AdoptionCrm.Cli.Bench;

/// <summary>Timing helper: a warm-up pass first so JIT and first-use costs stay out of the figure.</summary>
public static class BenchStopwatch
{
    public static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    /// <summary>Mean microseconds per call of <paramref name="call"/> over <paramref name="count"/> calls, after a warm-up.</summary>
    public static double MicrosPerCall(int count, Action<int> call)
    {
        for (var i = 0; i < Math.Min(count, 100); i++) call(i);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) call(i);
        return watch.Elapsed.TotalMicroseconds / count;
    }
}
