namespace AdoptionCrm.Sdk.Tests.ApiListing;

/// <summary>An official API listing (Sdk/reference/*.api.txt) as a set of lines, with its format checked.</summary>
internal sealed class OfficialListing
{
    private static readonly string[] Prefixes = { "A:", "T:", "M:", "P:", "F:", "E:" };

    public IReadOnlyList<string> Lines { get; }
    public HashSet<string> Set { get; }

    private OfficialListing(IReadOnlyList<string> lines)
    {
        Lines = lines;
        Set = new HashSet<string>(lines, StringComparer.Ordinal);
    }

    public static OfficialListing Load(string fileName) =>
        new(File.ReadAllLines(TestPaths.RepoListing(fileName)).Where(l => l.Length > 0).ToList());

    /// <summary>Problems with the listing's format; empty when it is well-formed.</summary>
    public IEnumerable<string> FormatProblems()
    {
        if (Lines.Count == 0) { yield return "listing is empty"; yield break; }
        if (Lines.Count(l => l.StartsWith("A:", StringComparison.Ordinal)) != 1) yield return "expected exactly one A: line";
        for (var i = 0; i < Lines.Count; i++)
        {
            if (!Prefixes.Any(p => Lines[i].StartsWith(p, StringComparison.Ordinal)))
                yield return $"line {i + 1} has no A:/T:/M:/P:/F:/E: prefix: {Lines[i]}";
            if (i > 0 && string.CompareOrdinal(Lines[i - 1], Lines[i]) >= 0)
                yield return $"line {i + 1} is not in ordinal order after line {i}: {Lines[i]}";
        }
    }
}
