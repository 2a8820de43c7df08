namespace AdoptionCrm.Cli.Bench;

/// <summary>A sub-benchmark selectable with --only by its name.</summary>
public interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    IEnumerable<BenchFigure> Run(BenchSizes sizes, Action<string> progress);
}
