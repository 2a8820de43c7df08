using AdoptionCrm.Emulator;
using AdoptionCrm.Plugins.Model;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Cli.Simulate;

/// <summary>
/// Writes the accounts (and their owners, as users created by name) before the signups. Each
/// account's domains become adopt_accountdomain rows, the first one primary, source Import. A row the
/// organization refuses (e.g. a domain that is not a domain) is reported and skipped, like a bad CSV row.
/// </summary>
public sealed class OrganizationSeeder
{
    private readonly EmulatedOrganization _org;
    private readonly Dictionary<string, Guid> _users = new(StringComparer.OrdinalIgnoreCase);

    public OrganizationSeeder(EmulatedOrganization org) => _org = org;

    /// <summary>The user with this display name, created on first use ("Ann Lee" → first Ann, last Lee).</summary>
    public Guid User(string name)
    {
        if (_users.TryGetValue(name, out var id)) return id;
        var parts = name.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        id = parts.Length == 2 ? _org.CreateUser(parts[0], parts[1]) : _org.SystemService.Create(new Entity(SystemUserColumns.EntityName)
        {
            ["lastname"] = parts[0], ["internalemailaddress"] = parts[0].ToLowerInvariant() + "@example.com",
            ["businessunitid"] = new EntityReference("businessunit", _org.RootBusinessUnitId),
        });
        _users[name] = id;
        return id;
    }

    public Guid? CreateAccount(AccountInput input, string file, List<InputProblem> problems, EntityReference? owner = null)
    {
        var service = _org.SystemService;
        try
        {
            var account = new Entity(AccountColumns.EntityName) { [AccountColumns.Name] = input.Name };
            if (owner != null) account[AccountColumns.OwnerId] = owner;
            else if (input.Owner != null) account[AccountColumns.OwnerId] = new EntityReference(SystemUserColumns.EntityName, User(input.Owner));
            var id = service.Create(account);
            for (var i = 0; i < input.Domains.Count; i++)
                service.Create(new Entity(AccountDomainColumns.EntityName)
                {
                    [AccountDomainColumns.Name] = input.Domains[i].ToLowerInvariant(),
                    [AccountDomainColumns.AccountId] = new EntityReference(AccountColumns.EntityName, id),
                    [AccountDomainColumns.IsPrimary] = i == 0,
                    [AccountDomainColumns.Source] = new OptionSetValue((int)DomainSource.Import),
                });
            return id;
        }
        catch (Exception e) when (e is FaultException<OrganizationServiceFault> or InvalidPluginExecutionException)
        {
            problems.Add(new InputProblem(file, input.Line, "account refused: " + e.Message));
            return null;
        }
    }
}
