namespace AdoptionCrm.Solution.Validation;

/// <summary>
/// XSD errors that real Dataverse exports also produce because the 9.0.0.2090 schema predates them.
/// Each entry names the real export in ../shared/reference/solution-examples that contains the
/// construct (Evidence is a path there and a text that occurs in that file), and a test checks it.
/// Nothing else is tolerated.
/// </summary>
public sealed record SchemaAllowance(string MessageContains, string Evidence, string EvidenceText, string Why);

public static class SchemaAllowList
{
    public static readonly IReadOnlyList<SchemaAllowance> Items =
    [
        // The managed form diff marks the tab we add on the standard account form. Real export:
        // Attach2Dynamics_9_0_0_11_managed.zip (tc-ca/ROMTS-GSRST.PowerApps dependencies/), whose
        // validation against this XSD is recorded in reference/schemas/validation-of-real-exports.txt
        // (the zip itself is not stored locally, so the evidence is that recorded result).
        new("The 'solutionaction' attribute is not declared.",
            "../schemas/validation-of-real-exports.txt", "70 x Error: The 'solutionaction' attribute is not declared.",
            "managed exports express an added tab on a standard form with solutionaction=\"Added\""),
    ];

    public static SchemaAllowance? Match(string message) => Items.FirstOrDefault(a => message.Contains(a.MessageContains, StringComparison.Ordinal));
}
