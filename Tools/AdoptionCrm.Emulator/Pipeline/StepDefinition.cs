using AdoptionCrm.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Pipeline;

/// <summary>An image a step asks for: its alias and columns (null = all).</summary>
public sealed record ImageDefinition(string Alias, IReadOnlyList<string>? Columns);

/// <summary>
/// One step of the emulator's pipeline: what sdkmessageprocessingstep (+ images) holds in Dataverse.
/// Built from a [PluginStep] declaration, or by tests for a plain IPlugin.
/// </summary>
public sealed record StepDefinition(string Message, string? PrimaryEntity, int Stage)
{
    public int Mode { get; init; }
    public int Rank { get; init; } = 1;
    public IReadOnlyList<string>? FilteringAttributes { get; init; }
    public ImageDefinition? PreImage { get; init; }
    public ImageDefinition? PostImage { get; init; }
    public string? UnsecureConfiguration { get; init; }
    public string? SecureConfiguration { get; init; }

    public bool IsAsync => Mode == 1;

    public static StepDefinition From(PluginStepAttribute step) => new(step.Message, step.PrimaryEntity, (int)step.Stage)
    {
        Mode = (int)step.Mode,
        Rank = step.Rank,
        FilteringAttributes = Split(step.FilteringAttributes),
        PreImage = step.PreImageName == null ? null : new ImageDefinition(step.PreImageName, Split(step.PreImageAttributes)),
        PostImage = step.PostImageName == null ? null : new ImageDefinition(step.PostImageName, Split(step.PostImageAttributes)),
    };

    /// <summary>Refuses registrations Dataverse refuses, so a wrong declaration fails in tests, not on import.</summary>
    public void Validate()
    {
        if (Stage is not (10 or 20 or 40)) throw Invalid($"stage {Stage} is not a custom step stage (10, 20, 40)");
        if (IsAsync && Stage != 40) throw Invalid("asynchronous steps are only allowed on PostOperation (40)");
        if (FilteringAttributes != null && Message is not ("Update" or "UpdateMultiple")) throw Invalid("filtering attributes apply to Update only");
        if (PreImage != null && Message is "Create" or "CreateMultiple") throw Invalid("Create has no pre-image");
        if (PostImage != null && Message is "Delete") throw Invalid("Delete has no post-image");
        if (PostImage != null && Stage != 40) throw Invalid("post-images exist only in PostOperation");
    }

    private InvalidOperationException Invalid(string why) =>
        new($"Invalid step registration {Message} of {PrimaryEntity ?? "any table"} at stage {Stage}: {why}.");

    private static IReadOnlyList<string>? Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? null : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A step bound to the plugin instance that runs it (one instance per step, reused, as in Dataverse).</summary>
public sealed record RegisteredPluginStep(StepDefinition Definition, IPlugin Plugin, string PluginName, int Sequence);
