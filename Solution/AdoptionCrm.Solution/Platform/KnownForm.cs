namespace AdoptionCrm.Solution.Platform;

/// <summary>
/// A form that Dynamics 365 ships and our solution changes by a diff. Source names the real export that
/// carries this id; OwningSolution is the solution that installs it (written into MissingDependencies).
/// </summary>
public sealed record KnownForm(Guid Id, string Table, string DisplayName, string OwningSolution, string Source);
