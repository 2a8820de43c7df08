using System.Text.Json;

namespace AdoptionCrm.Cli.Tests;

/// <summary>
/// The runtime settings the CLI ships with: bench and simulate figures are measured under them, so losing one
/// changes every figure without a line of code changing. The build copies the CLI's runtimeconfig.json next to
/// this test assembly.
/// </summary>
public class CliRuntimeConfigTests
{
    private static JsonElement ConfigProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "adoptioncrm.runtimeconfig.json");
        Assert.True(File.Exists(path), "the CLI's runtimeconfig.json is not next to the tests: " + path);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Fact]
    public void The_cli_collects_garbage_with_the_server_collector()
    {
        Assert.True(ConfigProperties().GetProperty("System.GC.Server").GetBoolean());
    }

    [Fact]
    public void The_cli_runs_without_dynamic_pgo()
    {
        Assert.False(ConfigProperties().GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }
}
