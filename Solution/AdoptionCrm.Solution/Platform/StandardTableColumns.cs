namespace AdoptionCrm.Solution.Platform;

/// <summary>
/// Platform columns of the standard tables we extend that our steps filter on or image. The solution
/// source carries only the columns we add to these tables (a shell table), so the columns the platform
/// already defines are listed here, from the table references (learn.microsoft.com/dynamics365/
/// customer-engagement/developer/entities/lead and /account). A step naming any other column is refused.
/// </summary>
public static class StandardTableColumns
{
    private static readonly IReadOnlyDictionary<string, HashSet<string>> Columns = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
    {
        ["lead"] = new(StringComparer.Ordinal)
        {
            "leadid", "emailaddress1", "parentaccountid", "parentcontactid", "firstname", "lastname", "fullname", "companyname",
            "jobtitle", "statecode", "statuscode", "ownerid", "createdon", "modifiedon", "overriddencreatedon",
        },
        ["account"] = new(StringComparer.Ordinal)
        {
            "accountid", "name", "websiteurl", "emailaddress1", "primarycontactid", "parentaccountid", "statecode", "statuscode",
            "ownerid", "createdon", "modifiedon",
        },
    };

    public static bool Has(string table, string column) => Columns.TryGetValue(table, out var set) && set.Contains(column);
}
