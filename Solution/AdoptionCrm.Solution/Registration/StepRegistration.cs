namespace AdoptionCrm.Solution.Registration;

/// <summary>
/// One step registration: what an sdkmessageprocessingstep row (plus its images) holds in Dataverse. The
/// one record the packer writes, the validator reads back and the emulator runs; it is read from the
/// plug-in classes' [PluginStep] declarations by <see cref="PluginStepReader"/>.
/// </summary>
public sealed record StepRegistration(string PluginTypeFullName, string Message, string? PrimaryEntity, StepStage Stage)
{
    public StepMode Mode { get; init; } = StepMode.Synchronous;

    /// <summary>Execution order among steps of the same message, table and stage (ascending).</summary>
    public int Rank { get; init; } = 1;

    /// <summary>Update only; null = every update.</summary>
    public IReadOnlyList<string>? FilteringAttributes { get; init; }

    public IReadOnlyList<StepImage> Images { get; init; } = [];
    public string? Description { get; init; }
    public string? UnsecureConfiguration { get; init; }

    public bool IsAsync => Mode == StepMode.Asynchronous;

    public StepImage? PreImage => Images.FirstOrDefault(i => i.IsPre);
    public StepImage? PostImage => Images.FirstOrDefault(i => i.IsPost);

    /// <summary>Stable identity: the same declaration always gets the same step id.</summary>
    public string Key => $"{PluginTypeFullName}|{Message}|{PrimaryEntity}|{(int)Stage}|{Rank}";

    /// <summary>"" = all columns, as sdkmessageprocessingstep.filteringattributes holds it.</summary>
    public string FilteringAttributesText => FilteringAttributes is null ? "" : string.Join(",", FilteringAttributes);

    public override string ToString() => $"{PluginTypeFullName}: {Message} of {PrimaryEntity ?? "any table"} at {Stage}";
}
