using System.Diagnostics;
using AdoptionCrm.Emulator;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Cli.Bench;

/// <summary>
/// The engine's per-create budget (issue 4): service calls made by our plugins and rows they read for
/// one lead create, when the account already has 10, 1,000 or 100,000 leads. The big account is
/// seeded with the plugins off (linked leads written directly, as a backfill would leave them), then
/// the plugins are registered and new signups measured; one in five is a returning adopter (an email
/// already at the account). The account's ledger is seeded with the same people, as a rescore would
/// leave it, so at 100,000 leads it is at its cap (AdoptionLedger.TrackedPeopleCap): the worst case of
/// the bounded per-create work. Flat figures past the cap mean no per-create work grows with the account.
/// </summary>
public sealed class EngineCallBudgetBench : IBenchmark
{
    private const int LinkedOutcome = 462010000;
    private const int BenchLedgerWindowDays = 60; // the default window; the seeded signups span 50 days

    public string Name => "engine";
    public string Description => "service calls and rows read per lead create at 10 / 1,000 / 100,000 leads on the account";

    public IEnumerable<BenchFigure> Run(BenchSizes sizes, Action<string> progress)
    {
        if (BenchOrganizations.ShippedStepCount() == 0)
        {
            yield return new BenchFigure(Name, "plugin steps registered", 0, "steps", "the shipped plugin assembly declares no steps yet: nothing to measure");
            yield break;
        }
        foreach (var existing in sizes.EngineAccountSizes)
        {
            progress($"seeding an account with {existing:N0} leads");
            var budget = Measure(existing, sizes.EngineCreates, progress);
            var label = $"{existing:N0} leads on the account";
            yield return new BenchFigure(Name, $"calls/create without task, {label}", budget.CallsNoTaskMean, "calls", $"max {budget.CallsNoTaskMax} over {budget.NoTaskCreates} creates (target ≤ 4)");
            if (budget.TaskCreates > 0)
                yield return new BenchFigure(Name, $"calls/create with task, {label}", budget.CallsTaskMean, "calls", $"max {budget.CallsTaskMax} over {budget.TaskCreates} creates (target ≤ 6)");
            yield return new BenchFigure(Name, $"rows returned/create, {label}", budget.RowsMean, "rows", $"max {budget.RowsMax}; rows handed to the plugins");
            yield return new BenchFigure(Name, $"rows examined/create, {label}", budget.ExaminedMean, "rows", $"max {budget.ExaminedMax}; rows the plugins' calls read (scanned or fetched through an index), flat unless a call walks the account's leads");
            yield return new BenchFigure(Name, $"time/create, {label}", budget.MicrosPerCreate, "µs", "flat unless a call examines the account's leads");
            // A stage task is a handful of creates in an account's life but does more (task, its adopters'
            // leads); the creates without one, apart, are the steady per-signup cost.
            yield return new BenchFigure(Name, $"time/create without task, {label}", budget.MicrosPerCreateNoTask, "µs", $"over {budget.NoTaskCreates} creates");
            if (existing == sizes.EngineAccountSizes[^1]) yield return new BenchFigure(Name, "calls of one create without task", budget.CallsNoTaskMax, "calls", budget.LastCalls);
        }
    }

    private sealed record Budget(double CallsNoTaskMean, int CallsNoTaskMax, int NoTaskCreates, double CallsTaskMean, int CallsTaskMax, int TaskCreates,
        double RowsMean, int RowsMax, double ExaminedMean, long ExaminedMax, double MicrosPerCreate, double MicrosPerCreateNoTask, string LastCalls);

    // "RetrieveMultiple adopt_adoptionsettings (1 examined), Update account, ..." so a budget overrun says where the calls and reads go.
    private static string Describe(IEnumerable<ServiceCallEntry> calls) =>
        string.Join(", ", calls.Select(c => c.Request + " " + c.Table + (c.RowsExamined > 0 ? $" ({c.RowsExamined} examined)" : "")));

    private static Budget Measure(int existing, int creates, Action<string> progress)
    {
        var org = BenchOrganizations.New(withPlugins: false);
        var service = org.SystemService;
        var account = BenchAccounts.Create(org, 1)[0];
        var accountRef = new EntityReference("account", account);
        var seededDomain = BenchAccounts.DomainOf(0);
        for (var i = 0; i < existing; i++)
        {
            // Signups spread over the last 50 days, as a backfill would have left them: linked, normalised.
            org.Clock.Advance(TimeSpan.FromSeconds(50.0 * 86400 / Math.Max(existing, 1)));
            var lead = BenchOrganizations.Lead(i, seededDomain);
            lead["parentaccountid"] = accountRef;
            lead["adopt_normalizedemail"] = $"person{i}@{seededDomain}";
            lead["adopt_emaildomain"] = seededDomain;
            lead["adopt_matchoutcome"] = new OptionSetValue(LinkedOutcome);
            service.Create(lead);
        }
        BenchOrganizations.RegisterPlugins(org);
        progress($"measuring {creates:N0} creates at {existing:N0} leads");
        var callsNoTask = new List<int>();
        var callsTask = new List<int>();
        var rows = new List<int>();
        var examined = new List<long>();
        var watch = new Stopwatch();
        var noTaskTime = TimeSpan.Zero;
        var lastCalls = "";
        for (var i = 0; i < creates; i++)
        {
            org.Clock.Advance(TimeSpan.FromMinutes(10));
            // Every fifth signup is someone already at the account signing up again.
            var person = i % 5 == 4 && existing > 0 ? i % existing : existing + i;
            org.Log.Clear();
            var before = watch.Elapsed;
            watch.Start();
            service.Create(BenchOrganizations.Lead(person, seededDomain));
            watch.Stop();
            var calls = org.Log.ServiceCalls;
            var madeTask = calls.Any(c => c.Request == "Create" && c.Table == "task");
            (madeTask ? callsTask : callsNoTask).Add(calls.Count);
            if (!madeTask) noTaskTime += watch.Elapsed - before;
            if (!madeTask) lastCalls = Describe(calls);
            rows.Add(calls.Sum(c => c.RowsReturned));
            examined.Add(calls.Sum(c => c.RowsExamined));
        }
        return new Budget(
            callsNoTask.DefaultIfEmpty().Average(), callsNoTask.DefaultIfEmpty().Max(), callsNoTask.Count,
            callsTask.DefaultIfEmpty().Average(), callsTask.DefaultIfEmpty().Max(), callsTask.Count,
            rows.Average(), rows.Max(), examined.Average(), examined.Max(), watch.Elapsed.TotalMicroseconds / creates,
            noTaskTime.TotalMicroseconds / Math.Max(1, callsNoTask.Count), lastCalls);
    }
}
