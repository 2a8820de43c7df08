using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Cli.Bench;

/// <summary>
/// RetrieveMultiple on an indexed lookup (lead.parentaccountid) at two table sizes with the same 10
/// rows returned each time: flat time means the query reads the index, not the table. The emulator
/// exposes no scan counter, so the same query on an unindexed column (lastname) is timed beside it
/// as the scanning baseline.
/// </summary>
public sealed class LookupQueryBench : IBenchmark
{
    private const int LeadsPerAccount = 10;

    public string Name => "lookup";
    public string Description => "RetrieveMultiple on an indexed lookup vs a scanned column, two table sizes";

    public IEnumerable<BenchFigure> Run(BenchSizes sizes, Action<string> progress)
    {
        var (smallIndexed, smallScan) = Measure(sizes.KeySmall * 10, progress);
        var (largeIndexed, largeScan) = Measure(sizes.KeyLarge, progress);
        yield return new BenchFigure(Name, $"parentaccountid = X, {sizes.KeySmall * 10:N0} leads", smallIndexed, "µs/query", $"{LeadsPerAccount} rows returned");
        yield return new BenchFigure(Name, $"parentaccountid = X, {sizes.KeyLarge:N0} leads", largeIndexed, "µs/query", $"{LeadsPerAccount} rows returned");
        yield return new BenchFigure(Name, "indexed: large / small", largeIndexed / smallIndexed, "x", "≈1 when the index is used");
        yield return new BenchFigure(Name, $"lastname = X (unindexed), {sizes.KeySmall * 10:N0} leads", smallScan, "µs/query", "1 row returned");
        yield return new BenchFigure(Name, $"lastname = X (unindexed), {sizes.KeyLarge:N0} leads", largeScan, "µs/query", "1 row returned");
        yield return new BenchFigure(Name, "unindexed: large / small", largeScan / smallScan, "x", "grows with the table: a scan");
    }

    private static (double Indexed, double Scan) Measure(int leads, Action<string> progress)
    {
        progress($"seeding {leads:N0} leads over {leads / LeadsPerAccount:N0} accounts");
        var org = BenchOrganizations.New(withPlugins: false);
        var service = org.SystemService;
        var accounts = new List<Guid>();
        for (var a = 0; a < leads / LeadsPerAccount; a++)
        {
            var account = service.Create(new Entity("account") { ["name"] = $"Company {a}" });
            accounts.Add(account);
            for (var l = 0; l < LeadsPerAccount; l++)
            {
                var lead = BenchOrganizations.Lead(a * LeadsPerAccount + l, BenchAccounts.DomainOf(a));
                lead["parentaccountid"] = new EntityReference("account", account);
                service.Create(lead);
            }
        }
        progress($"querying at {leads:N0} leads");
        var random = new Random(11);
        var indexed = BenchStopwatch.MicrosPerCall(5_000, _ =>
        {
            var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") };
            query.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, accounts[random.Next(accounts.Count)]);
            if (service.RetrieveMultiple(query).Entities.Count != LeadsPerAccount) throw new InvalidOperationException("indexed query returned the wrong rows");
        });
        // Scans are slow at the large size; fewer calls keep the run short.
        var scan = BenchStopwatch.MicrosPerCall(Math.Max(3, 2_000_000 / leads), _ =>
        {
            var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") };
            query.Criteria.AddCondition("lastname", ConditionOperator.Equal, "Number " + random.Next(leads));
            if (service.RetrieveMultiple(query).Entities.Count != 1) throw new InvalidOperationException("scanned query returned the wrong rows");
        });
        return (indexed, scan);
    }
}
