using System.Reflection;

namespace AdoptionCrm.Solution.Source;

/// <summary>
/// The files of a solution source tree, keyed by relative path with forward slashes. Abstracts over a
/// directory on disk and the copy embedded in this assembly, so both load through one code path.
/// </summary>
public sealed class SourceFiles
{
    private readonly SortedDictionary<string, Func<byte[]>> _files;

    private SourceFiles(SortedDictionary<string, Func<byte[]>> files, string origin)
    {
        _files = files;
        Origin = origin;
    }

    /// <summary>Where the files came from (a directory or "embedded"), for messages.</summary>
    public string Origin { get; }

    /// <summary>Every relative path, in ordinal order (stable for deterministic packing).</summary>
    public IEnumerable<string> Paths => _files.Keys;

    public bool Exists(string path) => _files.ContainsKey(path);

    public byte[] Read(string path) =>
        _files.TryGetValue(path, out var read) ? read() : throw new SolutionSourceException(path, "file not found in the solution source");

    /// <summary>Paths under a folder (prefix ending in '/') with the given extension, ordinal order.</summary>
    public IEnumerable<string> Under(string folder, string extension) =>
        _files.Keys.Where(p => p.StartsWith(folder, StringComparison.Ordinal) && p.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    public static SourceFiles FromDirectory(string directory)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
            throw new SolutionSourceException(directory, "solution source directory does not exist");
        var files = new SortedDictionary<string, Func<byte[]>>(StringComparer.Ordinal);
        foreach (var full in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(root, full).Replace('\\', '/');
            files[rel] = () => File.ReadAllBytes(full);
        }
        return new SourceFiles(files, root);
    }

    public static SourceFiles FromEmbedded(Assembly assembly, string prefix = "src/")
    {
        var files = new SortedDictionary<string, Func<byte[]>>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var resource = name;
            files[name[prefix.Length..]] = () =>
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                return buffer.ToArray();
            };
        }
        if (files.Count == 0)
            throw new SolutionSourceException("(embedded)", $"no solution source is embedded in {assembly.GetName().Name}");
        return new SourceFiles(files, "embedded");
    }
}
