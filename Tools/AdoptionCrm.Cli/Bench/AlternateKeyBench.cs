using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Cli.Bench;

/// <summary>
/// Retrieve by alternate key (adopt_accountdomain's domain + account key) at a small and a large
/// table: an O(1) key index costs the same at both sizes.
/// </summary>
public sealed class AlternateKeyBench : IBenchmark
{
    public string Name => "keys";
    public string Description => "Retrieve by alternate key at two table sizes";

    public IEnumerable<BenchFigure> Run(BenchSizes sizes, Action<string> progress)
    {
        var small = MicrosPerRetrieve(sizes.KeySmall, progress);
        var large = MicrosPerRetrieve(sizes.KeyLarge, progress);
        yield return new BenchFigure(Name, $"Retrieve by key, {sizes.KeySmall:N0} rows", small, "µs/call");
        yield return new BenchFigure(Name, $"Retrieve by key, {sizes.KeyLarge:N0} rows", large, "µs/call");
        yield return new BenchFigure(Name, "large / small", large / small, "x", "≈1 when the lookup is O(1)");
    }

    private static double MicrosPerRetrieve(int rows, Action<string> progress)
    {
        progress($"seeding {rows:N0} adopt_accountdomain rows");
        var org = BenchOrganizations.New(withPlugins: false);
        var service = org.SystemService;
        var account = new EntityReference("account", service.Create(new Entity("account") { ["name"] = "Key owner" }));
        for (var i = 0; i < rows; i++)
            service.Create(new Entity("adopt_accountdomain") { ["adopt_name"] = $"d{i}.example.com", ["adopt_accountid"] = account });
        progress($"retrieving by key at {rows:N0} rows");
        var random = new Random(7);
        return BenchStopwatch.MicrosPerCall(20_000, _ =>
        {
            var key = new KeyAttributeCollection { { "adopt_name", $"d{random.Next(rows)}.example.com" }, { "adopt_accountid", account } };
            var request = new RetrieveRequest { Target = new EntityReference("adopt_accountdomain", key), ColumnSet = new ColumnSet("adopt_name") };
            if (((RetrieveResponse)service.Execute(request)).Entity == null) throw new InvalidOperationException("key retrieve returned nothing");
        });
    }
}
