using AdoptionCrm.Solution;
using AdoptionCrm.Solution.Source;

namespace AdoptionCrm.Emulator.Lifecycle;

/// <summary>Our solution's relationship cascades, read once per process from Solution/src/Other/Relationships.</summary>
public static class SolutionRelationships
{
    private static readonly Lazy<IReadOnlyList<RelationshipCascade>> Embedded =
        new(() => RelationshipCascadeReader.ReadAll(SolutionSource.LoadEmbedded().Files));

    public static IReadOnlyList<RelationshipCascade> LoadEmbedded() => Embedded.Value;
}
