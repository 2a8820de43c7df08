using AdoptionCrm.Solution.Registration;

namespace AdoptionCrm.Solution.Packing;

/// <summary>Everything one pack reads. Same input, same bytes out.</summary>
public sealed record PackInput(
    SolutionSource Source,
    byte[] PluginAssembly,
    string PluginAssemblyPath,
    IReadOnlyList<StepRegistration> Steps,
    IReadOnlyList<WebResourceFile> WebResources,
    string? VersionOverride = null)
{
    public string Version => VersionOverride ?? Source.Version;

    /// <summary>
    /// The input for a built plug-in DLL: its steps are read from the DLL's own [PluginStep] declarations,
    /// so the zip carries exactly what the shipped classes declare.
    /// </summary>
    public static PackInput FromBuild(SolutionSource source, string pluginAssemblyPath, string webResourcesDirectory, string? version = null)
    {
        var dll = File.ReadAllBytes(pluginAssemblyPath);
        return new PackInput(source, dll, pluginAssemblyPath, PluginStepReader.FromAssemblyFile(dll, Path.GetDirectoryName(pluginAssemblyPath)),
            WebResourceFile.FromDirectory(webResourcesDirectory), version);
    }
}

/// <summary>A built web resource: Name is its path under the build output ("adopt_/adopters/panel.html").</summary>
public sealed record WebResourceFile(string Name, byte[] Content)
{
    public Guid Id => DeterministicGuid.For("webresource", Name);

    /// <summary>webresourcetype by extension (webresource.md).</summary>
    public int Type => System.IO.Path.GetExtension(Name).ToLowerInvariant() switch
    {
        ".htm" or ".html" => 1,
        ".css" => 2,
        ".js" => 3,
        ".xml" => 4,
        ".png" => 5,
        ".jpg" or ".jpeg" => 6,
        ".gif" => 7,
        ".xsl" or ".xslt" => 9,
        ".ico" => 10,
        ".svg" => 11,
        ".resx" => 12,
        var other => throw new InvalidOperationException($"web resource {Name}: extension '{other}' is not a Dataverse web resource type"),
    };

    /// <summary>Every built file under a directory (typically WebResources/dist); names use '/'.</summary>
    public static IReadOnlyList<WebResourceFile> FromDirectory(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Select(f => new WebResourceFile(System.IO.Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllBytes(f)))
                .Where(w => !w.Name.EndsWith(".map", StringComparison.OrdinalIgnoreCase))
                .OrderBy(w => w.Name, StringComparer.Ordinal)
                .ToList()
            : [];
}
