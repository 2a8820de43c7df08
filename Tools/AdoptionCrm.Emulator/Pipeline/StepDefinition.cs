using AdoptionCrm.Solution.Registration;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Pipeline;

/// <summary>An image a step asks for: its alias and columns (null = all).</summary>
public sealed record ImageDefinition(string Alias, IReadOnlyList<string>? Columns);

/// <summary>
/// One step of the emulator's pipeline: what sdkmessageprocessingstep (+ images) holds in Dataverse.
/// Built from the solution's registration record (read from [PluginStep] declarations), or by tests for a
/// plain IPlugin. Its rules are the solution's (StepRules), so the emulator refuses exactly what the
/// packer and the validator refuse.
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

    public bool IsAsync => Mode == (int)StepMode.Asynchronous;

    /// <summary>
    /// sdkmessageprocessingstep.asyncautodelete: the async service deletes the step's system job once it has
    /// succeeded (a failed or waiting one stays). The solution packer registers every async step so; a test's
    /// own step keeps its jobs unless it says otherwise.
    /// </summary>
    public bool AsyncAutoDelete { get; init; }

    public static StepDefinition From(StepRegistration step) => new(step.Message, step.PrimaryEntity, (int)step.Stage)
    {
        Mode = (int)step.Mode,
        AsyncAutoDelete = step.Mode == StepMode.Asynchronous, // as the packer writes AsyncAutoDelete
        Rank = step.Rank,
        FilteringAttributes = step.FilteringAttributes,
        PreImage = step.PreImage is { } pre ? new ImageDefinition(pre.Alias, pre.Attributes) : null,
        PostImage = step.PostImage is { } post ? new ImageDefinition(post.Alias, post.Attributes) : null,
        UnsecureConfiguration = step.UnsecureConfiguration,
    };

    /// <summary>The same step as the solution's registration record, for the shared rule book.</summary>
    public StepRegistration ToRegistration(string pluginTypeFullName)
    {
        var images = new List<StepImage>();
        if (PreImage is not null) images.Add(new StepImage(PreImage.Alias, StepImageType.PreImage, PreImage.Columns));
        if (PostImage is not null) images.Add(new StepImage(PostImage.Alias, StepImageType.PostImage, PostImage.Columns));
        return new StepRegistration(pluginTypeFullName, Message, PrimaryEntity, (StepStage)Stage)
        {
            Mode = (StepMode)Mode,
            Rank = Rank,
            FilteringAttributes = FilteringAttributes,
            Images = images,
            UnsecureConfiguration = UnsecureConfiguration,
        };
    }

    /// <summary>Refuses registrations Dataverse refuses (StepRules), so a wrong declaration fails in tests, not on import.</summary>
    public void Validate()
    {
        var problems = StepRules.Check(ToRegistration("(step)"));
        if (problems.Count > 0)
            throw new InvalidOperationException($"Invalid step registration {Message} of {PrimaryEntity ?? "any table"} at stage {Stage}: {string.Join("; ", problems)}.");
    }
}

/// <summary>A step bound to the plugin instance that runs it (one instance per step, reused, as in Dataverse).</summary>
public sealed record RegisteredPluginStep(StepDefinition Definition, IPlugin Plugin, string PluginName, int Sequence);
