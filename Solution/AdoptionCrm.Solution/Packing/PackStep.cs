namespace AdoptionCrm.Solution.Packing;

/// <summary>
/// One step registration as the packer needs it. The CLI and tests build these from
/// PluginRegistrations.All (the [PluginStep] declarations), so the library stays free of the plugin build.
/// </summary>
public sealed record PackStep(
    string PluginTypeFullName,
    string Message,
    string? PrimaryEntity,
    int Stage,
    int Mode,
    int Rank,
    string? FilteringAttributes,
    string? Description,
    IReadOnlyList<PackStepImage> Images)
{
    /// <summary>Stable identity for the step id: the same declaration always gets the same GUID.</summary>
    public string Key => $"{PluginTypeFullName}|{Message}|{PrimaryEntity}|{Stage}|{Rank}";
}

/// <summary>ImageType 0 pre, 1 post; Attributes null means all columns.</summary>
public sealed record PackStepImage(string Alias, int ImageType, string? Attributes);
