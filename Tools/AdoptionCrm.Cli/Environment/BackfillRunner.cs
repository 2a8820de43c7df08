using System.Text.Json.Nodes;
using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Steps;

namespace AdoptionCrm.Cli.Environments; // plural: a namespace "Environment" would hide System.Environment in the CLI

/// <summary>
/// The install backfill against an environment's Web API. Step 1: a domain row (source Website) for every account
/// whose website gives a domain (WebsiteDomain, as the plug-ins read websites) that no domain row has yet; the
/// plug-ins on adopt_accountdomain then link that domain's leads as on any new row. Step 2: adopt_Rebuild with
/// Scope=organization, called again with the returned Cookie until it is null. The checkpoint is saved after
/// step 1 and after every call, so a run stopped halfway resumes; a run after completion changes nothing.
/// </summary>
public sealed class BackfillRunner
{
    public const string OrganizationScope = "organization";
    private readonly DataverseClient _client;
    private readonly string _checkpointPath;
    private readonly Action<string, long, long?> _progress;

    /// <param name="progress">(step, done, total or null when unknown) after each unit of work.</param>
    public BackfillRunner(DataverseClient client, string checkpointPath, Action<string, long, long?> progress)
    {
        _client = client;
        _checkpointPath = checkpointPath;
        _progress = progress;
    }

    /// <summary>Stops after this many rebuild calls (tests: a run interrupted halfway); null = until done.</summary>
    public int? MaxRebuildCalls { get; init; }

    public async Task<BackfillResult> RunAsync(CancellationToken cancel = default)
    {
        var checkpoint = BackfillCheckpoint.Load(_checkpointPath, _client.ApiBase.AbsoluteUri);
        int created = 0, skipped = 0, calls = 0;
        long processed = 0;
        if (checkpoint.Step == BackfillCheckpoint.DomainsStep)
        {
            (created, skipped) = await DomainsFromWebsitesAsync(cancel);
            checkpoint = checkpoint with { Step = BackfillCheckpoint.RebuildStep, Cookie = null };
            checkpoint.Save(_checkpointPath);
        }
        while (checkpoint.Step == BackfillCheckpoint.RebuildStep && (MaxRebuildCalls is null || calls < MaxRebuildCalls))
        {
            var request = new JsonObject { [RebuildPlugin.ScopeParameter] = OrganizationScope };
            if (checkpoint.Cookie != null) request[RebuildPlugin.CookieParameter] = checkpoint.Cookie;
            JsonObject response;
            try
            {
                response = await _client.ActionAsync(RebuildPlugin.MessageName, request, cancel);
            }
            catch (DataverseException e) when (e.Status == 404 && calls == 0 && checkpoint.Cookie == null)
            {
                return new BackfillResult(created, skipped, calls, processed, RebuildMissing: true);
            }
            calls++;
            processed += response[RebuildPlugin.ProcessedProperty]?.GetValue<long>() ?? 0;
            var cookie = response[RebuildPlugin.CookieParameter]?.GetValue<string>();
            checkpoint = string.IsNullOrEmpty(cookie)
                ? checkpoint with { Step = BackfillCheckpoint.DoneStep, Cookie = null }
                : checkpoint with { Cookie = cookie };
            checkpoint.Save(_checkpointPath);
            _progress("rebuild", processed, null);
        }
        return new BackfillResult(created, skipped, calls, processed, RebuildMissing: false);
    }

    private async Task<(int Created, int Skipped)> DomainsFromWebsitesAsync(CancellationToken cancel)
    {
        var keepApart = false;
        await foreach (var settings in _client.QueryAsync($"{EnvironmentTables.Settings}?$select={AdoptionSettingsColumns.KeepSubdomainsApart}&$filter={AdoptionSettingsColumns.IsActive} eq true", cancel: cancel))
            keepApart |= settings[AdoptionSettingsColumns.KeepSubdomainsApart]?.GetValue<bool>() ?? false;

        var accountLookup = EnvironmentTables.LookupValue(AccountDomainColumns.AccountId);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var accountsWithDomains = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var row in _client.QueryAsync($"{EnvironmentTables.AccountDomains}?$select={AccountDomainColumns.Name},{accountLookup}", cancel: cancel))
        {
            if (row[AccountDomainColumns.Name]?.GetValue<string>() is { } name) taken.Add(name);
            if (row[accountLookup]?.GetValue<string>() is { } account) accountsWithDomains.Add(account);
        }

        var accounts = new List<(Guid Id, string? Website)>();
        await foreach (var row in _client.QueryAsync($"{EnvironmentTables.Accounts}?$select={AccountColumns.WebsiteUrl}&$filter={AccountColumns.WebsiteUrl} ne null", cancel: cancel))
            accounts.Add((Guid.Parse(row[AccountColumns.Id]!.GetValue<string>()), row[AccountColumns.WebsiteUrl]?.GetValue<string>()));

        int created = 0, skipped = 0, done = 0;
        foreach (var (id, website) in accounts)
        {
            var domain = WebsiteDomain.Of(website, keepApart);
            if (domain == null || !taken.Add(domain)) skipped++;
            else
            {
                await _client.CreateAsync(EnvironmentTables.AccountDomains, new JsonObject
                {
                    [AccountDomainColumns.Name] = domain,
                    [EnvironmentTables.AccountDomainAccount + "@odata.bind"] = $"/{EnvironmentTables.Accounts}({id})",
                    [AccountDomainColumns.IsPrimary] = accountsWithDomains.Add(id.ToString()),
                    [AccountDomainColumns.Source] = (int)DomainSource.Website,
                }, cancel);
                created++;
            }
            _progress("domains", ++done, accounts.Count);
        }
        return (created, skipped);
    }
}
