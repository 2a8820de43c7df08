using AdoptionCrm.Cli.Bench;

namespace AdoptionCrm.Cli.Tests;

/// <summary>bench --only: picks sub-benchmarks by name, in catalog order, and refuses names it does not know.</summary>
public class BenchCatalogTests
{
    [Fact]
    public void Only_selects_the_named_benchmarks_in_catalog_order()
    {
        Assert.Equal(new[] { "keys", "engine" }, BenchCatalog.Select("engine, keys").Select(b => b.Name));
        Assert.Equal(BenchCatalog.All.Select(b => b.Name), BenchCatalog.Select(null).Select(b => b.Name));
        Assert.Equal(new[] { "creates", "keys", "lookup", "memory", "domain", "engine", "backfill" }, BenchCatalog.All.Select(b => b.Name));
    }

    [Fact]
    public void Unknown_benchmark_names_are_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => BenchCatalog.Select("creates,nope"));
        Assert.Contains("nope", error.Message);
    }
}
