namespace AdoptionCrm.Cli.Bench;

/// <summary>One measured figure: which benchmark, what was measured, the value and its unit.</summary>
public sealed record BenchFigure(string Benchmark, string Name, double Value, string Unit, string? Note = null);
