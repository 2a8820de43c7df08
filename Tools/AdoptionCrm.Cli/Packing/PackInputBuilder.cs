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
            BuildWebResources(repo, log);
        }
        var dll = Path.Combine(repo, "Plugins", "bin", configuration, "net462", "AdoptionCrm.Plugins.dll");
        if (!File.Exists(Path.Combine(repo, "WebResources", "dist", "adopt_", "adopters", "panel.html")))
            throw new FileNotFoundException($"the account panel is not built (WebResources/dist has no adopt_/adopters/panel.html); run: {PanelBuildCommand}");
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} not found; build the plugin (dotnet build Plugins -f net462 -c {configuration})");
        return PackInput.FromBuild(SolutionSource.Load(Path.Combine(repo, "Solution", "src")), dll, Path.Combine(repo, "WebResources", "dist"), version);
    }

    /// <summary>The one line that builds the panel by hand, for messages.</summary>
    public const string PanelBuildCommand = "cd WebResources && npm ci && npm run build";

    /// <summary>
    /// Builds the panel the zips embed. A fresh clone has no node_modules, so they are installed first
    /// (npm ci, from the lock file and the npm registry only).
    /// </summary>
    public static void BuildWebResources(string repo, Action<string>? log = null)
    {
        var webResources = Path.Combine(repo, "WebResources");
        if (!File.Exists(Path.Combine(webResources, "package.json"))) return;
        try
        {
            if (!Directory.Exists(Path.Combine(webResources, "node_modules")))
            {
                log?.Invoke("installing the web resources' packages (npm ci)");
                Run("npm", "ci --silent --no-audit --no-fund", webResources);
            }
            log?.Invoke("building the web resources (npm run build)");
            Run("npm", "run build --silent", webResources);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"could not run npm ({e.Message}); install Node.js, then run: {PanelBuildCommand}", e);
        }
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
