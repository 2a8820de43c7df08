namespace AdoptionCrm.Solution;

/// <summary>The solution publisher: its prefix goes on every custom name, its option value prefix on every choice value.</summary>
public sealed record PublisherInfo(string UniqueName, string DisplayName, string CustomizationPrefix, int OptionValuePrefix);
