using AdoptionCrm.Solution;
using AdoptionCrm.Solution.Source;

namespace AdoptionCrm.Emulator.CustomApis;

/// <summary>Our solution's Custom APIs, read once per process from Solution/src/customapis (embedded in AdoptionCrm.Solution).</summary>
public static class SolutionCustomApis
{
    private static readonly Lazy<IReadOnlyList<CustomApiDefinition>> Embedded =
        new(() => CustomApiReader.ReadAll(SolutionSource.LoadEmbedded().Files));

    public static IReadOnlyList<CustomApiDefinition> LoadEmbedded() => Embedded.Value;

    /// <summary>The Custom APIs of any solution source folder (a test's fixture solution, say).</summary>
    public static IReadOnlyList<CustomApiDefinition> Load(string srcDirectory) => CustomApiReader.ReadAll(SourceFiles.FromDirectory(srcDirectory));
}
