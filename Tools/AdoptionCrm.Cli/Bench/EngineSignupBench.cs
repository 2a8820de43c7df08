using System.Diagnostics;
using AdoptionCrm.Emulator;
using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Cli.Bench;

/// <summary>
/// The engine's work per signup at one company (with an account) of 10, 10,000 and 1,000,000 people
/// (quick: 10 and 1,000): service calls (and how many run inside the signup's own request), rows the calls
/// examined, bytes read (call results and the images handed to the steps) and written (the calls' entities),
/// and time, each signup measured with the async queue drained so the asynchronous steps are in it. The
/// company is seeded fast (<see cref="EngineSeeding"/>), then a batch of signups goes through the real
/// plug-ins: four in five new people, one in five a person already there signing up again. Flat figures
/// mean no per-signup work grows with the company. Then the rebuild: rows read and time per lead for the
/// organization at 100,000 leads (quick: 10,000).
/// </summary>
public sealed class EngineSignupBench : IBenchmark
{
    private const int RebuildCompanies = 1_000;

    public string Name => "engine";
    public string Description => "calls, rows, bytes and time per signup at 10 / 10,000 / 1,000,000 people on one company; rebuild per lead";

    public IEnumerable<BenchFigure> Run(BenchSizes sizes, Action<string> progress)
    {
        foreach (var people in sizes.EngineCompanySizes)
        {
            var m = MeasureSignups(people, sizes.EngineSignups, progress);
            var at = $"{people:N0} people";
            yield return new BenchFigure(Name, $"seeded company, {at}", m.PeopleBefore, "people", $"leads written and rebuilt in {m.SeedSeconds:N1} s");
            yield return new BenchFigure(Name, $"calls/signup, {at}", m.Calls.Mean, "calls", $"max {m.Calls.Max}; {m.InRequest.Mean:0.##} inside the signup's request (max {m.InRequest.Max}); {m.Signups - m.StageMoveCount} signups that left the stage as it was");
            yield return new BenchFigure(Name, $"  of which a new person's, {at}", m.NewPersonCalls.Mean, "calls", $"max {m.NewPersonCalls.Max}; a returning person's signup the same day as their last writes no account change");
            if (m.StageMoveCount > 0)
                yield return new BenchFigure(Name, $"calls/signup that moved the stage, {at}", m.StageMoves.Mean, "calls", $"max {m.StageMoves.Max}; {m.StageMoveCount} signup(s): the play runs (task)");
            yield return new BenchFigure(Name, $"rows examined/signup, {at}", m.Rows.Mean, "rows", $"max {m.Rows.Max}");
            yield return new BenchFigure(Name, $"bytes read/signup, {at}", m.Read.Mean, "bytes", $"max {m.Read.Max}; call results + step images (target ≤ 8 KB); grows with the days of the window holding signups (≤ 60), not with people");
            yield return new BenchFigure(Name, $"bytes written/signup, {at}", m.Written.Mean, "bytes", $"max {m.Written.Max} (target ≤ 8 KB)");
            yield return new BenchFigure(Name, $"time/signup, {at}", m.MicrosPerSignup, "µs", "async queue drained after each signup");
            yield return new BenchFigure(Name, $"company people after, {at}", m.PeopleAfter, "people", $"{m.NewPeople} new people among the signups");
            yield return new BenchFigure(Name, "calls of one new person's signup", m.LastNewCalls.Count, "calls", string.Join(", ", m.LastNewCalls));
        }

        var leads = sizes.RebuildLeads;
        var r = MeasureRebuild(leads, progress);
        yield return new BenchFigure(Name, $"rebuild rows read/lead, {leads:N0} leads", r.RowsRead / (double)leads, "rows", $"{r.RowsRead:N0} rows over {RebuildCompanies:N0} companies, {r.Executions} execution(s)");
        yield return new BenchFigure(Name, $"rebuild time/lead, {leads:N0} leads", r.Seconds * 1e6 / leads, "µs", $"{r.Seconds:N1} s in all; {r.Processed:N0} leads processed");
        yield return new BenchFigure(Name, $"rebuild calls/lead, {leads:N0} leads", r.Calls / (double)leads, "calls", $"{r.Calls:N0} calls");
    }

    public sealed record Spread(double Mean, long Max)
    {
        public static Spread Of(IReadOnlyCollection<long> values) => new(values.Count == 0 ? 0 : values.Average(), values.Count == 0 ? 0 : values.Max());
    }

    private const string PlayStep = "AccountPlayPlugin";

    /// <summary>Calls, InRequest, Rows, Read and Written are over the signups that leave the account's stage as it was; StageMoves holds the calls of the others.</summary>
    public sealed record SignupFigures(int PeopleBefore, int PeopleAfter, int Signups, int NewPeople, Spread StageMoves, int StageMoveCount, Spread NewPersonCalls, Spread NewPersonRows, Spread Calls, Spread InRequest, Spread Rows,
        Spread Read, Spread Written, double MicrosPerSignup, IReadOnlyList<string> LastNewCalls, double SeedSeconds);

    /// <summary>Seeds a company of <paramref name="people"/> (with an account), then measures <paramref name="signups"/> signups through the plug-ins.</summary>
    public static SignupFigures MeasureSignups(int people, int signups, Action<string> progress)
    {
        var domain = BenchAccounts.DomainOf(0);
        var org = BenchOrganizations.New(withPlugins: false);
        var account = BenchAccounts.Create(org, 1)[0];
        progress($"seeding {people:N0} people at {domain}");
        var seed = Stopwatch.StartNew();
        EngineSeeding.SeedCompany(org, domain, account, people);
        seed.Stop();
        var before = People(org, domain);

        progress($"measuring {signups:N0} signups at {people:N0} people");
        var calls = new List<long>(); var inRequest = new List<long>(); var rows = new List<long>(); var read = new List<long>(); var written = new List<long>();
        var lastNew = new List<string>();
        var stageMoves = new List<long>();
        var newCalls = new List<long>(); var newRows = new List<long>();
        var newPeople = 0;
        var watch = new Stopwatch();
        for (var i = 0; i < signups; i++)
        {
            org.Clock.Advance(TimeSpan.FromMinutes(10));
            var returning = i % 5 == 4 && people > 0;
            var person = returning ? i * 7919 % people : people + i;
            if (!returning) newPeople++;
            org.Log.Clear();
            watch.Start();
            org.SystemService.Create(BenchOrganizations.Lead(person, domain));
            var sync = org.Log.Totals.ServiceCalls;
            org.DrainAsyncQueue();
            watch.Stop();
            var totals = org.Log.Totals;
            // A signup that moves the account's stage also runs the play (a task, its owner): a few in a
            // company's life, so they are counted apart from the steady per-signup work.
            if (org.Log.Entries.Any(e => e.Plugin.Contains(PlayStep, StringComparison.Ordinal))) { stageMoves.Add(totals.ServiceCalls); continue; }
            calls.Add(totals.ServiceCalls);
            if (!returning) newCalls.Add(totals.ServiceCalls);
            if (!returning) newRows.Add(totals.RowsExamined);
            inRequest.Add(sync);
            rows.Add(totals.RowsExamined);
            read.Add(totals.BytesRead + totals.ImageBytes);
            written.Add(totals.BytesWritten);
            if (!returning) lastNew = org.Log.ServiceCalls.Select(c => $"{c.Request} {c.Table} (read {c.BytesRead} B, wrote {c.BytesWritten} B)").ToList();
        }
        return new SignupFigures(before, People(org, domain), signups, newPeople, Spread.Of(stageMoves), stageMoves.Count, Spread.Of(newCalls), Spread.Of(newRows), Spread.Of(calls), Spread.Of(inRequest), Spread.Of(rows), Spread.Of(read), Spread.Of(written),
            watch.Elapsed.TotalMicroseconds / Math.Max(1, signups), lastNew, seed.Elapsed.TotalSeconds);
    }

    public sealed record RebuildFigures(int Processed, long RowsRead, long Calls, int Executions, double Seconds);

    /// <summary>An organization of <paramref name="leads"/> leads over <see cref="RebuildCompanies"/> companies with accounts, rebuilt whole.</summary>
    public static RebuildFigures MeasureRebuild(int leads, Action<string> progress)
    {
        var companies = Math.Min(RebuildCompanies, Math.Max(1, leads));
        var linking = EngineSeeding.LinkingOf(BenchAccounts.DomainOf(0));
        var org = BenchOrganizations.New(withPlugins: false);
        var accounts = BenchAccounts.Create(org, companies);
        progress($"seeding {leads:N0} leads over {companies:N0} companies for the rebuild");
        for (var c = 0; c < companies; c++)
        {
            var count = leads / companies + (c < leads % companies ? 1 : 0);
            var domain = BenchAccounts.DomainOf(c);
            var own = EngineSeeding.ForDomain(linking, BenchAccounts.DomainOf(0), domain);
            EngineSeeding.WriteLeads(org, own, domain, accounts[c], count, firstPerson: c * (leads / companies + 1));
        }
        BenchOrganizations.RegisterPlugins(org);
        progress($"rebuilding {leads:N0} leads");
        org.Log.Clear();
        var executions = 0;
        var processed = 0;
        var watch = Stopwatch.StartNew();
        string? cookie = null;
        do
        {
            var step = EngineSeeding.RebuildOnce(org, RebuildScope.Organization, null, cookie);
            processed += step.Processed;
            cookie = step.Cookie;
            executions++;
        } while (cookie != null);
        watch.Stop();
        var totals = org.Log.Totals;
        return new RebuildFigures(processed, totals.RowsExamined, totals.ServiceCalls, executions, watch.Elapsed.TotalSeconds);
    }

    private static int People(EmulatedOrganization org, string domain) =>
        org.SystemService.Retrieve(CompanyColumns.EntityName, RowIds.Company(domain), new ColumnSet(CompanyColumns.People)).GetAttributeValue<int?>(CompanyColumns.People) ?? 0;
}
