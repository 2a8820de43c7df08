namespace AdoptionCrm.Solution.Platform;

/// <summary>A standard table that a Dynamics 365 app installs (not base Dataverse), with that app's solution.</summary>
public sealed record AppOwnedTable(string LogicalName, string DisplayName, string OwningSolution, string Source);
