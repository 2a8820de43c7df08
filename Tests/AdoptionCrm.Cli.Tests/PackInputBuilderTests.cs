using AdoptionCrm.Cli.Packing;

namespace AdoptionCrm.Cli.Tests;

/// <summary>pack on a clone whose panel is not built, without building: one line says what to run.</summary>
public class PackInputBuilderTests
{
    [Fact]
    public void Packing_without_a_built_panel_says_in_one_line_what_to_run()
    {
        var repo = Path.Combine(Path.GetTempPath(), "adopt-fresh-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(repo, "WebResources"));
        try
        {
            var error = Assert.Throws<FileNotFoundException>(() => PackInputBuilder.FromRepository(repo, "Release", build: false, version: null));
            Assert.DoesNotContain('\n', error.Message);
            Assert.EndsWith("run: cd WebResources && npm ci && npm run build", error.Message);
        }
        finally { Directory.Delete(repo, recursive: true); }
    }
}
