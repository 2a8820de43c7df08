namespace AdoptionCrm.Cli.Bench;

/// <summary>
/// Lead creates per second through the emulator's full request path, with no plugin steps and with
/// our shipped plugins; the ratio is what the plugins cost per create.
/// </summary>
public sealed class CreateThroughputBench : IBenchmark
{
    private const int WarmUp = 1_000;
    /// <summary>Accounts only the warm-up signs people up to, past Team and Spreading, so the play's create and escalation are warm too.</summary>
    private const int WarmUpAccounts = 100, WarmUpPeoplePerAccount = 10;

    public string Name => "creates";
    public string Description => "lead creates/s, without and with our plugins";

    public IEnumerable<BenchFigure> Run(BenchSizes sizes, Action<string> progress)
    {
        const int accounts = 500;
        progress($"{sizes.Creates:N0} creates, no plugins");
        var (bare, bareFirst, bareLast, bareCpu, bareBytes, bareGc) = CreatesPerSecond(withPlugins: false, sizes.Creates, accounts);
        yield return new BenchFigure(Name, "lead creates/s, no plugins", bare, "creates/s", $"{sizes.Creates:N0} creates; 100,000 take {100_000 / bare:N1} s (target < 10 s)");
        yield return new BenchFigure(Name, "  first / last tenth of the run", bareFirst / bareLast, "x", $"{bareFirst:N0} vs {bareLast:N0} creates/s; ≈1 when flat");

        var steps = BenchOrganizations.ShippedStepCount();
        var pluginCreates = sizes.PluginCreates;
        progress($"{pluginCreates:N0} creates, with plugins ({steps} steps)");
        var (withPlugins, pluginFirst, pluginLast, pluginCpu, pluginBytes, pluginGc) = CreatesPerSecond(withPlugins: true, pluginCreates, accounts);
        yield return new BenchFigure(Name, "lead creates/s, with our plugins", withPlugins, "creates/s",
            $"{pluginCreates:N0} creates over {accounts} accounts; {steps} plugin step(s) registered");
        yield return new BenchFigure(Name, "  first / last tenth of the run", pluginFirst / pluginLast, "x", $"{pluginFirst:N0} vs {pluginLast:N0} creates/s; ≈1 when flat");
        yield return new BenchFigure(Name, "plugin cost (no-plugin rate / plugin rate)", bare / withPlugins, "x", "wall clock; target ≤ 6");
        // The machine is shared: wall-clock rates fall when other work runs. Creates per second of this
        // process's CPU (all its threads: GC and JIT included) are what the code costs.
        yield return new BenchFigure(Name, "lead creates per CPU-second, no plugins", bareCpu, "creates/s");
        yield return new BenchFigure(Name, "lead creates per CPU-second, with our plugins", pluginCpu, "creates/s");
        yield return new BenchFigure(Name, "plugin cost by CPU time", bareCpu / pluginCpu, "x", "target ≤ 6");
        // Allocation drives GC, and GC pauses are part of every rate above: these say where a change must cut.
        yield return new BenchFigure(Name, "bytes allocated per create, no plugins", bareBytes, "bytes", $"GC paused {bareGc:P0} of the run ({Collector})");
        yield return new BenchFigure(Name, "bytes allocated per create, with our plugins", pluginBytes, "bytes", $"GC paused {pluginGc:P0} of the run ({Collector}); async jobs included");
    }

    // Which collector ran is part of every figure here: the CLI asks for the server one (its project file), a host may not.
    private static string Collector => System.Runtime.GCSettings.IsServerGC ? "server GC" : "workstation GC";

    /// <summary>Creates/s over the whole run, and over its first and last tenth: a falling rate means some per-create work grows with the table.</summary>
    private static (double All, double FirstTenth, double LastTenth, double PerCpuSecond, double BytesPerCreate, double GcShare) CreatesPerSecond(bool withPlugins, int count, int accounts)
    {
        var org = BenchOrganizations.New(withPlugins);
        BenchAccounts.Create(org, accounts + WarmUpAccounts);
        var service = org.SystemService;
        // Warm-up through the same paths as the run (claimed domains, people the run does not reuse, an
        // unclaimed domain, and accounts of its own whose stage rises, so the rep's play runs), so JIT tiering
        // and first-use caches are out of the figure: without the play in it, the run's first plays ran unoptimised code.
        for (var i = 0; i < WarmUpAccounts * WarmUpPeoplePerAccount; i++)
        {
            org.Clock.Advance(TimeSpan.FromMinutes(3));
            service.Create(BenchOrganizations.Lead(count + WarmUp + i, BenchAccounts.DomainOf(accounts + i % WarmUpAccounts)));
            org.DrainAsyncQueue();
            org.Log.Clear();
        }
        for (var i = 0; i < WarmUp; i++)
        {
            org.Clock.Advance(TimeSpan.FromMinutes(3));
            service.Create(BenchOrganizations.Lead(count + i, i % 10 == 9 ? "warmup.example.org" : BenchAccounts.DomainOf(i % accounts)));
            org.DrainAsyncQueue();
        }
        org.Log.Clear();
        var tenth = Math.Max(1, count / 10);
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var paused = GC.GetTotalPauseDuration();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        TimeSpan firstTenth = default, lastTenthStart = default;
        for (var i = 0; i < count; i++)
        {
            if (i == tenth) firstTenth = watch.Elapsed;
            if (i == count - tenth) lastTenthStart = watch.Elapsed;
            // Signups arrive a few minutes apart, so windows and cooldowns behave as in real life.
            org.Clock.Advance(TimeSpan.FromMinutes(3));
            service.Create(BenchOrganizations.Lead(i, BenchAccounts.DomainOf(i % accounts)));
            // The engine's work is mostly asynchronous (system jobs after commit): a create is not done
            // until its jobs have run, so they are part of its cost.
            org.DrainAsyncQueue();
            // The log is per request in real use; clearing it keeps the run's memory flat.
            if (withPlugins) org.Log.Clear();
        }
        var total = watch.Elapsed;
        var cpuUsed = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var bytes = (GC.GetTotalAllocatedBytes(precise: false) - allocated) / (double)count;
        var gcShare = (GC.GetTotalPauseDuration() - paused) / total;
        return (count / total.TotalSeconds, tenth / firstTenth.TotalSeconds, tenth / (total - lastTenthStart).TotalSeconds, count / cpuUsed.TotalSeconds, bytes, gcShare);
    }
}
