namespace AdoptionCrm.Solution.Registration;

/// <summary>
/// The one rule book for step registrations: what Dataverse refuses (or silently ignores) at registration.
/// The packer refuses to pack a step that breaks one, the validator names it in a zip, and the emulator
/// refuses to register it, so a wrong declaration fails in a test rather than on import.
/// Stages and async-only-PostOperation: sdkmessageprocessingstep table reference (stage, mode);
/// images: "Define entity images" in register-plug-in (no pre-image on Create, no post-image on Delete,
/// post-images only after the core operation); filtering attributes apply to Update only.
/// </summary>
public static class StepRules
{
    /// <summary>Every rule the registration breaks, as sentences; empty when it is valid.</summary>
    public static IReadOnlyList<string> Check(StepRegistration step)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(step.Stage)) problems.Add($"stage {(int)step.Stage} is not a custom step stage (10, 20, 40)");
        if (!Enum.IsDefined(step.Mode)) problems.Add($"mode {(int)step.Mode} is neither synchronous (0) nor asynchronous (1)");
        if (step.IsAsync && step.Stage != StepStage.PostOperation) problems.Add("asynchronous steps are only allowed on PostOperation (40)");
        if (step.FilteringAttributes is not null && step.Message is not ("Update" or "UpdateMultiple")) problems.Add("filtering attributes apply to Update only");
        if (step.Rank < 1) problems.Add($"rank {step.Rank} must be 1 or more");
        foreach (var image in step.Images)
        {
            if (image.IsPre && step.Message is "Create" or "CreateMultiple") problems.Add($"image {image.Alias}: Create has no pre-image");
            if (image.IsPost && step.Message is "Delete") problems.Add($"image {image.Alias}: Delete has no post-image");
            if (image.IsPost && step.Stage != StepStage.PostOperation) problems.Add($"image {image.Alias}: post-images exist only in PostOperation (40)");
            if (MessageImageProperty.For(step.Message) is null) problems.Add($"image {image.Alias}: message {step.Message} has no known image property");
        }
        if (step.Images.Select(i => i.Alias).Distinct(StringComparer.Ordinal).Count() != step.Images.Count) problems.Add("two images share an alias");
        return problems;
    }

    /// <summary>Throws InvalidOperationException naming the step and every broken rule.</summary>
    public static void Require(StepRegistration step)
    {
        var problems = Check(step);
        if (problems.Count > 0) throw new InvalidOperationException($"Invalid step registration {step}: {string.Join("; ", problems)}.");
    }
}
