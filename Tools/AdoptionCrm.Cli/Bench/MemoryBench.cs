namespace AdoptionCrm.Cli.Bench;

/// <summary>
/// Managed memory held by lead rows: GC.GetTotalMemory after a full collection, before and after
/// creating the rows through the service. Quick runs project the per-row figure to 1,000,000 rows.
/// </summary>
public sealed class MemoryBench : IBenchmark
{
    public string Name => "memory";
    public string Description => "memory per lead row, projected to 1,000,000 rows";

    public IEnumerable<BenchFigure> Run(BenchSizes sizes, Action<string> progress)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var org = BenchOrganizations.New(withPlugins: false);
        var service = org.SystemService;
        var empty = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < sizes.MemoryRows; i++)
        {
            if (i % 50_000 == 0) progress($"memory: {i:N0} / {sizes.MemoryRows:N0} leads");
            service.Create(BenchOrganizations.Lead(i, BenchAccounts.DomainOf(i % 5_000)));
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(org);
        var perRow = (after - empty) / (double)sizes.MemoryRows;
        yield return new BenchFigure(Name, "empty organization", (empty - before) / 1048576.0, "MB");
        yield return new BenchFigure(Name, $"{sizes.MemoryRows:N0} lead rows", (after - empty) / 1048576.0, "MB", "4 text columns + system columns per row");
        yield return new BenchFigure(Name, "per lead row", perRow, "bytes");
        yield return new BenchFigure(Name, "1,000,000 lead rows" + (sizes.MemoryRows == 1_000_000 ? "" : " (projected)"),
            perRow * 1_000_000 / 1073741824.0, "GB", "target < 2 GB");
    }
}
