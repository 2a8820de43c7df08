namespace AdoptionCrm.Solution.Platform;

/// <summary>
/// Standard forms we may diff. A diff FormXml for an id the target lacks fails import ("full formXml is
/// expected to create a form", powerapps-docs maker/data-platform/import-update-export-solutions.md), so
/// only ids seen in real exports are listed; the validator refuses a diff for any other id.
/// </summary>
public static class KnownForms
{
    public static readonly IReadOnlyList<KnownForm> All =
    [
        // "Updated default Account form" (Introduced 5.0.0.0).
        new(new Guid("8448b78f-8f42-454e-8e2a-f8196b0419af"), "account", "Account", AppOwnedTables.SalesSolution,
            "tc-ca/ROMTS-GSRST.PowerApps romts_gsrst/Entities/Account/FormXml/main/{8448b78f-8f42-454e-8e2a-f8196b0419af}.xml"),
        // "Updated default Lead form" (Introduced 5.0.0.0).
        new(new Guid("e3b6ddb7-8df0-4410-ac7b-fd32e5053d38"), "lead", "Lead", AppOwnedTables.LeadManagementSolution,
            "tc-ca/ROMTS-GSRST.PowerApps romts_gsrst/Entities/Lead/FormXml/main/{e3b6ddb7-8df0-4410-ac7b-fd32e5053d38}.xml"),
    ];

    public static KnownForm? Find(Guid id) => All.FirstOrDefault(f => f.Id == id);
}
