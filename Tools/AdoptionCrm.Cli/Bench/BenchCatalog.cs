namespace AdoptionCrm.Cli.Bench;

/// <summary>Every sub-benchmark, in the order a full run takes them.</summary>
public static class BenchCatalog
{
    public static IReadOnlyList<IBenchmark> All { get; } = new IBenchmark[]
    {
        new CreateThroughputBench(), new AlternateKeyBench(), new LookupQueryBench(),
        new MemoryBench(), new DomainNormalizationBench(), new EngineSignupBench(),
        new BackfillBench(),
    };

    /// <summary>The benchmarks named in a comma-separated --only list (all when empty); unknown names are a usage error.</summary>
    public static IReadOnlyList<IBenchmark> Select(string? only)
    {
        if (string.IsNullOrWhiteSpace(only)) return All;
        var names = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => All.All(b => b.Name != n)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"unknown benchmark(s): {string.Join(", ", unknown)}; choose from {string.Join(",", All.Select(b => b.Name))}");
        return All.Where(b => names.Contains(b.Name)).ToList();
    }
}
