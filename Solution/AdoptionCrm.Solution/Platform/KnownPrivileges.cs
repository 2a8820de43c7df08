namespace AdoptionCrm.Solution.Platform;

/// <summary>
/// Privilege names a role may grant. For our own tables the names follow prv&lt;Action&gt;&lt;SchemaName&gt;
/// (solution-format §4.4); for platform tables only names seen in real exports or Microsoft samples are
/// listed, because a guessed name ("prvReadSystemUser") fails import while the real one is "prvReadUser".
/// </summary>
public static class KnownPrivileges
{
    /// <summary>The actions a table's privileges cover (Create … Share), as exported role files spell them.</summary>
    public static readonly IReadOnlyList<string> TableActions = ["Create", "Read", "Write", "Delete", "Append", "AppendTo", "Assign", "Share"];

    /// <summary>Platform privilege → the table it applies to (null for non-table privileges) and where it was seen.</summary>
    public static readonly IReadOnlyDictionary<string, (string? Table, string Source)> Platform = new Dictionary<string, (string?, string)>(StringComparer.Ordinal)
    {
        ["prvReadAccount"] = ("account", TcCa),
        ["prvAppendToAccount"] = ("account", TcCa),
        ["prvWriteAccount"] = ("account", EventManagement),
        ["prvReadLead"] = ("lead", EventManagement),
        ["prvReadUser"] = ("systemuser", TcCa),
        ["prvAppendToUser"] = ("systemuser", TcCa),
        ["prvAppendUser"] = ("systemuser", TcCa),
        ["prvReadTeam"] = ("team", TcCa),
        ["prvReadQueue"] = ("queue", QueueSample),
        ["prvAppendToQueue"] = ("queue", QueueSample),
        ["prvReadUserSettings"] = ("usersettings", TcCa),
        ["prvReadSystemForm"] = ("systemform", TcCa),
        ["prvReadWebResource"] = ("webresource", TcCa),
        ["prvReadQuery"] = ("savedquery", TcCa),
        ["prvReadAppModule"] = ("appmodule", TcCa),
        ["prvReadSavedQueryVisualizations"] = ("savedqueryvisualization", TcCa),
    };

    private const string TcCa = "tc-ca/ROMTS-GSRST.PowerApps role files (romts_gsrst/Roles, PassengerProtectProgram/Roles)";
    private const string EventManagement = "MicrosoftDocs dynamics-365-customer-engagement event management web application role";
    private const string QueueSample = "Microsoft Dynamics CRM SDK queue sample (privilege query for prvReadQueue, prvAppendToQueue)";

    /// <summary>The table a privilege name grants on, given our tables' schema names; null if the name is unknown.</summary>
    public static string? TableOf(string privilege, IEnumerable<(string SchemaName, string LogicalName)> ourTables)
    {
        if (Platform.TryGetValue(privilege, out var platform)) return platform.Table ?? "";
        foreach (var action in TableActions.OrderByDescending(a => a.Length))
        {
            if (!privilege.StartsWith("prv" + action, StringComparison.Ordinal)) continue;
            var rest = privilege["prv".Length..][action.Length..];
            var table = ourTables.FirstOrDefault(t => string.Equals(t.SchemaName, rest, StringComparison.Ordinal));
            if (table.LogicalName is not null) return table.LogicalName;
        }
        return null;
    }
}
