using System.Diagnostics;
using AdoptionCrm.Cli.Environments;
using AdoptionCrm.Emulator;
using AdoptionCrm.Emulator.WebApi;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Steps;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Cli.Bench;

/// <summary>
/// The install backfill at scale, as an admin runs it: an organization seeded without plug-ins (accounts with
/// websites; leads at their domains, at companies without an account, at free mail, and a few whose account a
/// person set), the solution installed, then `backfill` over the emulator's Web API (BackfillRunner, the CLI's
/// own client) and the asynchronous jobs the linking hands on. Reports Web API calls, batches, the slowest batch,
/// time, and checks every lead against what a live signup gets (the account of its domain, or the hand-set one);
/// then a second run, which must change nothing (the lock's placeholder column adopt_pendingchange aside).
/// </summary>
public sealed class BackfillBench : IBenchmark
{
    private const int PeoplePerCompany = 20, FreeMailEvery = 25, HandSetEvery = 100;

    // The asynchronous jobs the lead updates queue are drained (and their effect measured) before the second run,
    // at both sizes: undrained, the second run's rebuild phase does what those jobs would have done (the adopters'
    // account after a company move), and "a second run changes nothing" cannot be checked.
    private const int DrainUpTo = 200_000;

    public string Name => "backfill";
    public string Description => "Install backfill over the Web API: 10,000 accounts, 200,000 leads seeded without plug-ins (--full)";

    public IEnumerable<BenchFigure> Run(BenchSizes sizes, Action<string> progress)
    {
        var full = sizes == BenchSizes.Full;
        int accounts = full ? 10_000 : 1_000, leads = full ? 200_000 : 20_000;
        return RunAsync(accounts, leads, progress).GetAwaiter().GetResult();
    }

    private async Task<IEnumerable<BenchFigure>> RunAsync(int accounts, int leads, Action<string> progress)
    {
        progress($"seeding {accounts:N0} accounts and {leads:N0} leads without plug-ins");
        var org = EmulatedOrganization.Create();
        var service = org.SystemService;
        var accountIds = new Guid[accounts];
        for (var a = 0; a < accounts; a++)
            accountIds[a] = service.Create(new Entity(AccountColumns.EntityName) { [AccountColumns.Name] = $"Company {a}", [AccountColumns.WebsiteUrl] = $"https://www.customer{a}.com/" });
        var expected = new Dictionary<Guid, Guid?>(leads);
        // Companies: as many with an account as without (the prospecting list), PeoplePerCompany people each.
        var companies = Math.Max(1, leads / PeoplePerCompany);
        for (var i = 0; i < leads; i++)
        {
            var company = i % companies;
            var withAccount = company % 2 == 0 && company / 2 < accounts;
            var domain = i % FreeMailEvery == 0 ? "gmail.com" : withAccount ? $"customer{company / 2}.com" : $"prospect{company}.net";
            var lead = BenchOrganizations.Lead(i, domain);
            Guid? account = domain == "gmail.com" || !withAccount ? null : accountIds[company / 2];
            if (i % HandSetEvery == 1)
            {
                account = accountIds[(i / HandSetEvery) % accounts];
                lead[LeadColumns.ParentAccountId] = new EntityReference(AccountColumns.EntityName, account.Value);
            }
            expected[service.Create(lead)] = account;
        }

        org.Steps.RegisterAssembly(typeof(AdoptionCrm.Plugins.Infrastructure.PluginBase).Assembly);
        org.RegisterPluginType<RebuildPlugin>().RegisterPluginType<BackfillPlugin>();
        await using var server = await WebApiServer.StartAsync(org, org.SystemUserId);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };

        progress("first run");
        var first = await Backfill(org, server, http, progress);
        var mislinked = Mislinked(service, expected);
        var before = Snapshot(service);
        var queued = org.AsyncQueue.Pending;
        var drained = TimeSpan.Zero;
        var drainChanged = -1;
        if (leads <= DrainUpTo)
        {
            progress($"draining {queued:N0} asynchronous jobs");
            drained = BenchStopwatch.Time(() => org.DrainAsyncQueue());
            drainChanged = Changed(before, Snapshot(service));
            before = Snapshot(service);
        }
        progress("second run");
        var second = await Backfill(org, server, http, progress);
        var changed = Changed(before, Snapshot(service));
        var run = first.Result.Run!;
        var again = second.Result.Run!;
        return new[]
        {
            new BenchFigure(Name, "accounts / leads seeded", accounts, "accounts", $"{leads:N0} leads, {companies:N0} companies, every {FreeMailEvery}th free mail, every {HandSetEvery}th hand-set"),
            new BenchFigure(Name, "first run: time", first.Time.TotalSeconds, "s", $"{first.Result.Batches} batches, seeding not counted"),
            new BenchFigure(Name, "first run: Web API calls", first.Requests, "calls", $"{(double)first.Requests / first.Result.Batches:0.0} per batch (the batch, then its row)"),
            new BenchFigure(Name, "first run: batches", first.Result.Batches, "batches", run.Summary()),
            new BenchFigure(Name, "first run: slowest batch", first.SlowestBatch.TotalSeconds, "s", "one adopt_Backfill execution; the platform's limit is 120 s"),
            new BenchFigure(Name, "leads not linked as a live signup would be", mislinked, "leads", "account of the lead's domain, or the hand-set one (Manual); should be 0"),
            new BenchFigure(Name, "async jobs the lead updates queued", queued, "jobs", drainChanged < 0
                ? $"not drained at this size (> {DrainUpTo:N0} leads): the company moves' adopter updates and one re-applied signup per linked lead"
                : $"drained in {drained.TotalSeconds:0.0} s; rows they changed: {drainChanged} (the adopters' account, set when the company moves the claims phase started finish)"),
            new BenchFigure(Name, "second run: time", second.Time.TotalSeconds, "s", $"batches {second.Result.Batches}, {second.Requests} Web API calls"),
            new BenchFigure(Name, "second run: rows changed", changed, "rows", $"domain rows made {again[BackfillRunColumns.DomainRowsMade]}, leads linked {again[BackfillRunColumns.LeadsLinked]}; should be 0"),
        };
    }

    private sealed record Measured(BackfillResult Result, TimeSpan Time, int Requests, TimeSpan SlowestBatch);

    private static async Task<Measured> Backfill(EmulatedOrganization org, WebApiServer server, HttpClient http, Action<string> progress)
    {
        var client = new DataverseClient(http, server.BaseUrl, _ => Task.FromResult<string?>(null));
        var watch = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        var lastAt = TimeSpan.Zero;
        string? phase = null;
        var result = await new BackfillRunner(client, status =>
        {
            var now = watch.Elapsed;
            if (now - lastAt > slowest) slowest = now - lastAt;
            lastAt = now;
            if (status.Phase != phase) progress($"{status.Phase} (batch {status[BackfillRunColumns.Batches]})");
            phase = status.Phase;
        }).RunAsync();
        if (!result.Done) throw new InvalidOperationException("The backfill did not finish: " + (result.Error ?? "stopped"));
        return new Measured(result, watch.Elapsed, client.Counters.Requests, slowest);
    }

    private static int Mislinked(IOrganizationService service, Dictionary<Guid, Guid?> expected)
    {
        var wrong = 0;
        foreach (var lead in All(service, LeadColumns.EntityName, LeadColumns.ParentAccountId))
            if (lead.GetAttributeValue<EntityReference>(LeadColumns.ParentAccountId)?.Id != expected[lead.Id]) wrong++;
        return wrong;
    }

    // The rows a second run could touch, with every column but the platform's own bookkeeping.
    private static Dictionary<string, string> Snapshot(IOrganizationService service)
    {
        var snapshot = new Dictionary<string, string>();
        foreach (var table in new[] { LeadColumns.EntityName, AccountDomainColumns.EntityName, AdopterColumns.EntityName, CompanyColumns.EntityName, AccountColumns.EntityName })
            foreach (var row in All(service, table))
                snapshot[table + row.Id] = string.Join(";", row.Attributes.Where(a => a.Key is not ("modifiedon" or "versionnumber" or "modifiedby" or CompanyColumns.PendingChange))
                    .OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + Text(a.Value)));
        return snapshot;
    }

    private static int Changed(Dictionary<string, string> before, Dictionary<string, string> after) =>
        before.Count(b => !after.TryGetValue(b.Key, out var a) || a != b.Value) + after.Keys.Count(k => !before.ContainsKey(k));

    // Pages by primary key (after the last id, in id order), which reads a page per call; page numbers with an
    // unordered query would read the table up to the page each time.
    private static IEnumerable<Entity> All(IOrganizationService service, string table, params string[] columns)
    {
        var id = table + "id";
        var after = Guid.Empty;
        while (true)
        {
            var query = new QueryExpression(table) { ColumnSet = columns.Length == 0 ? new ColumnSet(true) : new ColumnSet(columns), TopCount = 5000 };
            if (after != Guid.Empty) query.Criteria.AddCondition(id, ConditionOperator.GreaterThan, after);
            query.AddOrder(id, OrderType.Ascending);
            var page = service.RetrieveMultiple(query).Entities;
            foreach (var row in page) yield return row;
            if (page.Count < 5000) yield break;
            after = page[^1].Id;
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        EntityReference r => r.LogicalName + ":" + r.Id,
        OptionSetValue o => o.Value.ToString(),
        Money m => m.Value.ToString(),
        _ => value.ToString() ?? "",
    };
}
