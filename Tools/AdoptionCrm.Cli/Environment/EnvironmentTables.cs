namespace AdoptionCrm.Cli.Environments; // plural: a namespace "Environment" would hide System.Environment in the CLI

/// <summary>The Web API entity set names (EntitySetName in Solution/src/Entities) the backfill and status read and write.</summary>
public static class EnvironmentTables
{
    public const string Accounts = "accounts";
    public const string Leads = "leads";
    public const string AccountDomains = "adopt_accountdomains";
    public const string Settings = "adopt_adoptionsettingses";
    public const string Adopters = "adopt_adopters";
    public const string Companies = "adopt_companies";
    public const string BackfillRuns = "adopt_backfillruns";

    /// <summary>adopt_accountdomain's account lookup as a navigation property: a custom lookup's is its schema name
    /// (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/web-api-navigation-properties).</summary>
    public const string AccountDomainAccount = "adopt_AccountId";

    /// <summary>The Web API name of a lookup's value ("parentaccountid" → "_parentaccountid_value").</summary>
    public static string LookupValue(string column) => "_" + column + "_value";
}
