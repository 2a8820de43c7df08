using AdoptionCrm.Plugins.Model;

namespace AdoptionCrm.Cli.Environments; // plural: a namespace "Environment" would hide System.Environment in the CLI

/// <summary>
/// The counts an admin checks a backfill by: accounts, account domains, leads linked to an account and not,
/// adopters and companies. A table the environment does not have (an older solution) is reported as absent.
/// Counted by paging ids: $count=true stops at 5,000 (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/count-rows).
/// </summary>
public static class StatusCounts
{
    public static async Task<IReadOnlyList<(string Name, long? Count)>> ReadAsync(DataverseClient client, CancellationToken cancel = default)
    {
        var parent = EnvironmentTables.LookupValue(LeadColumns.ParentAccountId);
        return new List<(string, long?)>
        {
            ("accounts", await CountAsync(client, $"{EnvironmentTables.Accounts}?$select={AccountColumns.Id}", cancel)),
            ("account domains", await CountAsync(client, $"{EnvironmentTables.AccountDomains}?$select={AccountDomainColumns.Id}", cancel)),
            ("leads linked", await CountAsync(client, $"{EnvironmentTables.Leads}?$select={LeadColumns.Id}&$filter={parent} ne null", cancel)),
            ("leads unlinked", await CountAsync(client, $"{EnvironmentTables.Leads}?$select={LeadColumns.Id}&$filter={parent} eq null", cancel)),
            ("adopters", await CountAsync(client, $"{EnvironmentTables.Adopters}?$select={AdopterColumns.Id}", cancel)),
            ("companies", await CountAsync(client, $"{EnvironmentTables.Companies}?$select={CompanyColumns.Id}", cancel)),
        };
    }

    private static async Task<long?> CountAsync(DataverseClient client, string query, CancellationToken cancel)
    {
        long count = 0;
        try
        {
            await foreach (var _ in client.QueryAsync(query, cancel: cancel)) count++;
        }
        catch (DataverseException e) when (e.Status == 404) { return null; }
        return count;
    }
}
