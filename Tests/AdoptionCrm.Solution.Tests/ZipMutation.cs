using System.IO.Compression;
using System.Text;
using AdoptionCrm.Solution.Validation;

namespace AdoptionCrm.Solution.Tests;

/// <summary>A packed zip with some entries changed, and what the validator says about it.</summary>
public static class ZipMutation
{
    public static IReadOnlyList<string> Problems(AdoptionCrm.Solution.Packing.PackedZip zip, Action<Dictionary<string, byte[]>> change)
    {
        var entries = PackedSolution.Entries(zip);
        change(entries);
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, true))
            foreach (var (name, content) in entries) { using var s = archive.CreateEntry(name).Open(); s.Write(content); }
        return SolutionZipValidator.Validate(buffer.ToArray()).Select(p => p.ToString()).ToList();
    }

    /// <summary>Rewrites one entry's text; the change must change something.</summary>
    public static void Replace(Dictionary<string, byte[]> entries, string entry, Func<string, string> change)
    {
        var before = Encoding.UTF8.GetString(entries[entry]);
        var after = change(before);
        Assert.NotEqual(before, after);
        entries[entry] = Encoding.UTF8.GetBytes(after);
    }
}
