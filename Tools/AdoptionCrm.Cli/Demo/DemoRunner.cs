using System.Diagnostics;
using AdoptionCrm.Cli.Simulate;
using AdoptionCrm.Plugins.Steps;
using AdoptionCrm.Emulator;

namespace AdoptionCrm.Cli.Demo;

/// <summary>
/// The demo from start to summary: build the organization, generate the stream for the seed, replay
/// every signup through the real plugins in time order with the clock set, then read back what the
/// engine did. The organization is returned too, for --serve and for tests that check the report
/// against the emulator's own rows.
/// </summary>
public static class DemoRunner
{
    public sealed record Outcome(EmulatedOrganization Organization, DemoReport Report);

    /// <param name="endUtc">When the six months of signups end; default the current hour, so the data looks live in the panel.</param>
    public static Outcome Run(int seed, int leads, Action<int, int>? progress = null, DateTime? endUtc = null)
    {
        var total = Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        var generator = new SignupGenerator(seed, endUtc ?? new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc));
        var org = DemoOrganizationBuilder.Build(generator.Start);
        var signups = generator.Generate(leads);
        // An admin turns the daily recompute on after install (docs/admin-guide.md), so the demo's six months run
        // with it: accounts and companies whose people age out without a new signup are brought up to date daily.
        org.Flows.TurnOn(RebuildPlugin.DailyFlowName);
        var replay = new SignupReplay(org);
        var problems = new List<InputProblem>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < signups.Count; i++)
        {
            replay.Replay(signups[i], "demo", problems);
            if (i % 25 == 0 || i == signups.Count - 1) progress?.Invoke(i + 1, signups.Count);
        }
        replay.MoveClockTo(generator.End);
        org.DrainAsyncQueue();
        watch.Stop();
        // Generated signups are all valid input; a refused one means the engine or the emulator broke.
        if (problems.Count > 0) throw new InvalidOperationException($"{problems.Count} demo signup(s) were refused, first: {problems[0]}");
        var snapshot = OrganizationSnapshot.Read(org, replay.Created);
        var figures = new DemoFigures(signups.Count, Math.Round(signups.Count / watch.Elapsed.TotalSeconds, 1), ResultReader.CallStatsOf(replay.CallsPerCreate),
            Math.Round(watch.Elapsed.TotalSeconds, 2), Math.Round(total.Elapsed.TotalSeconds, 2));
        return new Outcome(org, DemoReport.From(seed, snapshot, figures, CompanyReader.Read(org.SystemService)));
    }
}
