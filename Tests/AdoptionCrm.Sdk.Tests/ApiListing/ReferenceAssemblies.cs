namespace AdoptionCrm.Sdk.Tests.ApiListing;

/// <summary>
/// Finds the .NET Framework 4.6.2 reference assemblies (package Microsoft.NETFramework.ReferenceAssemblies.net462)
/// so metadata of net462 builds resolves against the framework they target, not the test's runtime.
/// </summary>
internal static class ReferenceAssemblies
{
    private const string PackageId = "microsoft.netframework.referenceassemblies.net462";

    public static string Net462Directory()
    {
        foreach (var root in CandidatePackageRoots())
        {
            var package = Path.Combine(root, PackageId);
            if (!Directory.Exists(package)) continue;
            // Highest version first; the layout inside the package is fixed.
            var versions = Directory.GetDirectories(package)
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0))
                .ToList();
            foreach (var version in versions)
            {
                var dir = Path.Combine(version, "build", ".NETFramework", "v4.6.2");
                if (File.Exists(Path.Combine(dir, "mscorlib.dll"))) return dir;
            }
        }
        throw new DirectoryNotFoundException(
            $"Package {PackageId} not found in: {string.Join(", ", CandidatePackageRoots())}. Restore a net462 project first.");
    }

    /// <summary>All assemblies of the reference set, facades included (System.Runtime etc. forward to mscorlib).</summary>
    public static IEnumerable<string> Net462Assemblies()
    {
        var dir = Net462Directory();
        var files = Directory.GetFiles(dir, "*.dll");
        var facades = Path.Combine(dir, "Facades");
        return Directory.Exists(facades) ? files.Concat(Directory.GetFiles(facades, "*.dll")) : files;
    }

    private static IEnumerable<string> CandidatePackageRoots()
    {
        // The build's own NuGetPackageRoot is authoritative; the rest are NuGet's documented defaults.
        var fromBuild = TryMetadata("NuGetPackageRoot");
        if (!string.IsNullOrEmpty(fromBuild)) yield return fromBuild;
        var env = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrEmpty(env)) yield return env;
        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    private static string? TryMetadata(string key)
    {
        try { return TestPaths.Metadata(key); } catch (InvalidOperationException) { return null; }
    }
}
