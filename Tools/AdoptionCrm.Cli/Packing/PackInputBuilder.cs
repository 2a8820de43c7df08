using System.Diagnostics;
using AdoptionCrm.Solution;
using AdoptionCrm.Solution.Packing;

namespace AdoptionCrm.Cli.Packing;

/// <summary>Gathers a pack's inputs from the repository: source, signed net462 plugin, built web resources.</summary>
public static class PackInputBuilder
{
    public static PackInput FromRepository(string repo, string configuration, bool build, string? version, Action<string>? log = null)
    {
        if (build)
        {
            log?.Invoke("building the net462 plugin");
            Run("dotnet", $"build \"{Path.Combine(repo, "Plugins", "AdoptionCrm.Plugins.csproj")}\" -f net462 -c {configuration} -nologo -v q", repo);
            var webResources = Path.Combine(repo, "WebResources");
            if (File.Exists(Path.Combine(webResources, "package.json")) && Directory.Exists(Path.Combine(webResources, "node_modules")))
            {
                log?.Invoke("building the web resources (npm run build)");
                Run("npm", "run build --silent", webResources);
            }
        }
        var dll = Path.Combine(repo, "Plugins", "bin", configuration, "net462", "AdoptionCrm.Plugins.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} not found; build the plugin (dotnet build Plugins -f net462 -c {configuration})");
        return new PackInput(
            SolutionSource.Load(Path.Combine(repo, "Solution", "src")),
            File.ReadAllBytes(dll),
            dll,
            PluginStepDeclarations.All(),
            WebResourceFile.FromDirectory(Path.Combine(repo, "WebResources", "dist")),
            version);
    }

    private static void Run(string file, string arguments, string directory)
    {
        var info = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"'{file} {arguments}' failed ({process.ExitCode}): {(stderr.Result + stdout.Result).Trim().Split('\n').LastOrDefault()}");
    }
}
