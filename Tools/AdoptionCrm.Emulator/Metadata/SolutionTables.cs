using AdoptionCrm.Solution;
using AdoptionCrm.Solution.Model;

namespace AdoptionCrm.Emulator.Metadata;

/// <summary>
/// Our solution's tables, read from Solution/src (embedded in AdoptionCrm.Solution), so a column
/// added to the solution source is known to the emulator with no other change. The source is
/// immutable, so it is parsed once per process and shared by every organization.
/// </summary>
public static class SolutionTables
{
    private static readonly Lazy<IReadOnlyList<TableDefinition>> Embedded =
        new(() => SolutionSource.LoadEmbedded().Tables.Select(WithPlatformColumns).ToList());

    public static IReadOnlyList<TableDefinition> LoadEmbedded() => Embedded.Value;

    /// <summary>
    /// A custom table in Dataverse always gets the platform's columns (createdon, modifiedon, createdby,
    /// modifiedby, versionnumber, owner for user-owned tables, and statecode/statuscode Active/Inactive),
    /// which the solution source does not spell out. Standard tables already have them.
    /// </summary>
    public static TableDefinition WithPlatformColumns(TableDefinition table)
    {
        if (!table.IsCustom) return table;
        var columns = new Dictionary<string, ColumnDefinition>(table.Columns, StringComparer.Ordinal);
        var platform = ColumnFactory.SystemColumns(table.Ownership == OwnershipType.UserOwned)
            .Append(ColumnFactory.State((0, "Active"), (1, "Inactive")))
            .Append(ColumnFactory.Status((1, "Active", 0), (2, "Inactive", 1)));
        foreach (var column in platform)
            if (!columns.ContainsKey(column.LogicalName)) columns[column.LogicalName] = column;
        return table with { Columns = columns };
    }
}
