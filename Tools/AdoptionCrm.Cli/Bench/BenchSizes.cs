namespace AdoptionCrm.Cli.Bench;

/// <summary>
/// How big each benchmark runs. Quick sizes keep a full `bench` well under a minute on a 2-core
/// machine; --full uses the sizes the targets are stated at (100,000 creates, 1,000,000 rows,
/// a company of 1,000,000 people, a rebuild of 100,000 leads). The plug-in run has 20,000 creates: at 5,000 its first
/// tenth ran at a third to a half of its last tenth's rate (the JIT still tiering up), so the figure was not steady.
/// </summary>
public sealed record BenchSizes(int Creates, int PluginCreates, int KeySmall, int KeyLarge, int MemoryRows, int[] EngineCompanySizes, int EngineSignups, int RebuildLeads)
{
    public static BenchSizes Quick { get; } = new(20_000, 1_500, 1_000, 100_000, 100_000, new[] { 10, 1_000 }, 50, 10_000);

    public static BenchSizes Full { get; } = new(100_000, 20_000, 1_000, 1_000_000, 1_000_000, new[] { 10, 10_000, 1_000_000 }, 200, 100_000);
}
