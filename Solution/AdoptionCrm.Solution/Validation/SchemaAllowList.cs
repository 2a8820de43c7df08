namespace AdoptionCrm.Solution.Validation;

/// <summary>
/// XSD errors that real Dataverse exports also produce because the 9.0.0.2090 schema predates them.
/// Each entry names the real export in ../shared/reference/solution-examples that contains the
/// construct (Evidence is a path there and a text that occurs in that file), and a test checks it.
/// Nothing else is tolerated.
/// </summary>
/// <param name="Export">The real export that draws the message, as the evidence file names it
/// ("VALIDATE zip-member:&lt;Export&gt;/customizations.xml").</param>
public sealed record SchemaAllowance(string MessageContains, string Export, string Evidence, string EvidenceText, string Why);

public static class SchemaAllowList
{
    public static readonly IReadOnlyList<SchemaAllowance> Items =
    [
        // The managed form diff marks the tab we add on the standard account form. Real export:
        // Attach2Dynamics_9_0_0_11_managed.zip (tc-ca/ROMTS-GSRST.PowerApps dependencies/), whose
        // validation against this XSD is recorded in reference/schemas/validation-of-real-exports.txt
        // (the zip itself is not stored locally, so the evidence is that recorded result).
        new("The 'solutionaction' attribute is not declared.", "Attach2Dynamics_9_0_0_11_managed",
            "../schemas/validation-of-real-exports.txt", "70 x Error: The 'solutionaction' attribute is not declared.",
            "managed exports express an added tab on a standard form with solutionaction=\"Added\""),
        // Same export: form diffs place added tabs, sections, cells and handlers with ordinalvalue
        // (also tc-ca/ROMTS-GSRST.PowerApps romts_gsrst/Entities/Account/FormXml/main/{8448b78f-…}.xml).
        new("The 'ordinalvalue' attribute is not declared.", "Attach2Dynamics_9_0_0_11_managed",
            "../schemas/validation-of-real-exports.txt", "39 x Error: The 'ordinalvalue' attribute is not declared.",
            "a form diff places what it adds among the base form's tabs, sections and cells by ordinalvalue"),
        // Same export: a form diff names the base form's column it adds cells to by id (column id="0").
        new("The 'id' attribute is not declared.", "Attach2Dynamics_9_0_0_11_managed",
            "../schemas/validation-of-real-exports.txt", "5 x Error: The 'id' attribute is not declared.",
            "a form diff names the column of the base form that its added cells go into"),
        // 9.2 exports write SdkMessageId first; the 9.0 XSD wants it after Rank, so every modern export
        // draws this message (PassengerProtectProgram_1_0_0_30_managed.zip, recorded as ppp_managed).
        new("The element 'SdkMessageProcessingStep' has invalid child element 'PluginTypeName'.", "ppp_managed",
            "../schemas/validation-of-real-exports.txt", "12 x Error: The element 'SdkMessageProcessingStep' has invalid child element 'PluginTypeName'.",
            "steps are written in the child order 9.2 exports use"),
        // Cloud flows and their connection references postdate the 9.0 XSD: a modern flow's <Workflow> starts
        // with JsonFileName, and connection references sit at the root (ppp_managed, and Contoso_sample_1_0_0_1_managed).
        new("The element 'Workflow' has invalid child element 'JsonFileName'.", "ppp_managed",
            "../schemas/validation-of-real-exports.txt", "8 x Error: The element 'Workflow' has invalid child element 'JsonFileName'.",
            "a cloud flow's row names its JSON file first, as exports of flows write it"),
        new("The element 'ImportExportXml' has invalid child element 'connectionreferences'.", "ppp_managed",
            "../schemas/validation-of-real-exports.txt", "1 x Error: The element 'ImportExportXml' has invalid child element 'connectionreferences'.",
            "a solution with a flow carries its connection references at the root of customizations.xml"),
    ];

    public static SchemaAllowance? Match(string message) => Items.FirstOrDefault(a => message.Contains(a.MessageContains, StringComparison.Ordinal));
}
