namespace AdoptionCrm.Solution.Platform;

/// <summary>
/// Tables we extend that are not part of base Dataverse. A solution that adds columns to them must say so
/// in MissingDependencies, as real exports do, so an environment without the app refuses the import up
/// front with the app's name instead of failing on the first column.
/// </summary>
public static class AppOwnedTables
{
    /// <summary>Dynamics 365 Sales' lead management solution (platform-findings Z2).</summary>
    public const string LeadManagementSolution = "msdynce_LeadManagement";

    /// <summary>Dynamics 365 Sales' own solution, which carries the Sales forms of account.</summary>
    public const string SalesSolution = "msdynce_Sales";

    public static readonly IReadOnlyList<AppOwnedTable> All =
    [
        // Real exports that touch lead list <Required type="1" schemaName="lead" … solution="msdynce_LeadManagement (…)">
        // (tc-ca/ROMTS-GSRST.PowerApps romts_gsrst/Other/Solution.xml); the lead table reference lives in
        // the Dynamics 365 docs, not the Dataverse ones.
        new("lead", "Lead", LeadManagementSolution, "tc-ca/ROMTS-GSRST.PowerApps romts_gsrst/Other/Solution.xml"),
    ];

    public static AppOwnedTable? Find(string logicalName) =>
        All.FirstOrDefault(t => string.Equals(t.LogicalName, logicalName, StringComparison.OrdinalIgnoreCase));
}
