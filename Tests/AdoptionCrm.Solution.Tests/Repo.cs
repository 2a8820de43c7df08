using System.Reflection;

namespace AdoptionCrm.Solution.Tests;

/// <summary>Paths in the repository, from the RepoRoot the build stamps into the test assembly.</summary>
internal static class Repo
{
    public static string Root { get; } = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "RepoRoot").Value!;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string SourceDir => Path("Solution", "src");

    /// <summary>Copies Solution/src to a temp directory a test may change.</summary>
    public static string CopyOfSource()
    {
        var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "adopt-src-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(SourceDir, "*", SearchOption.AllDirectories))
        {
            var dest = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(SourceDir, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        return target;
    }
}
