namespace AdoptionCrm.Cli.Bench;

/// <summary>
/// Lead creates per second through the emulator's full request path, with no plugin steps and with
/// our shipped plugins; the ratio is what the plugins cost per create.
/// </summary>
public sealed class CreateThroughputBench : IBenchmark
{
    public string Name => "creates";
    public string Description => "lead creates/s, without and with our plugins";

    public IEnumerable<BenchFigure> Run(BenchSizes sizes, Action<string> progress)
    {
        const int accounts = 500;
        progress($"{sizes.Creates:N0} creates, no plugins");
        var bare = CreatesPerSecond(withPlugins: false, sizes.Creates, accounts);
        yield return new BenchFigure(Name, "lead creates/s, no plugins", bare, "creates/s", $"{sizes.Creates:N0} creates; 100,000 take {100_000 / bare:N1} s (target < 10 s)");

        var steps = BenchOrganizations.ShippedStepCount();
        var pluginCreates = Math.Max(1_000, sizes.Creates / 4);
        progress($"{pluginCreates:N0} creates, with plugins ({steps} steps)");
        var withPlugins = CreatesPerSecond(withPlugins: true, pluginCreates, accounts);
        yield return new BenchFigure(Name, "lead creates/s, with our plugins", withPlugins, "creates/s",
            $"{pluginCreates:N0} creates over {accounts} accounts; {steps} plugin step(s) registered");
        yield return new BenchFigure(Name, "plugin cost (no-plugin rate / plugin rate)", bare / withPlugins, "x");
    }

    private static double CreatesPerSecond(bool withPlugins, int count, int accounts)
    {
        var org = BenchOrganizations.New(withPlugins);
        BenchAccounts.Create(org, accounts);
        var service = org.SystemService;
        // Warm-up on a domain no account claims, so JIT and first-use caches are out of the figure.
        for (var i = 0; i < 200; i++) service.Create(BenchOrganizations.Lead(i, "warmup.example.org"));
        var elapsed = BenchStopwatch.Time(() =>
        {
            for (var i = 0; i < count; i++)
            {
                // Signups arrive a few minutes apart, so windows and cooldowns behave as in real life.
                org.Clock.Advance(TimeSpan.FromMinutes(3));
                service.Create(BenchOrganizations.Lead(i, BenchAccounts.DomainOf(i % accounts)));
            }
        });
        return count / elapsed.TotalSeconds;
    }
}
