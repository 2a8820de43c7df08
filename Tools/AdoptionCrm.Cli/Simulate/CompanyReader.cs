using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Cli.Simulate;

/// <summary>The organization's company rows with a counted person, most people first (then domain), for simulate and the demo.</summary>
public static class CompanyReader
{
    public static IReadOnlyList<CompanyResult> Read(IOrganizationService service)
    {
        var accountNames = QueryAll.Rows(service, AccountColumns.EntityName, AccountColumns.Name).ToDictionary(a => a.Id, a => a.GetAttributeValue<string>(AccountColumns.Name));
        return QueryAll.Rows(service, CompanyColumns.EntityName, CompanyColumns.Name, CompanyColumns.People, CompanyColumns.Score, CompanyColumns.Stage, CompanyColumns.AccountId)
            .Where(c => (c.GetAttributeValue<int?>(CompanyColumns.People) ?? 0) > 0)
            .Select(c =>
            {
                var account = c.GetAttributeValue<EntityReference>(CompanyColumns.AccountId);
                return new CompanyResult(c.GetAttributeValue<string>(CompanyColumns.Name), c.GetAttributeValue<int?>(CompanyColumns.People) ?? 0,
                    c.GetAttributeValue<int?>(CompanyColumns.Score) ?? 0, ContractNames.Stage(c.GetAttributeValue<OptionSetValue>(CompanyColumns.Stage)?.Value),
                    account != null && accountNames.TryGetValue(account.Id, out var name) ? name : null);
            })
            .OrderByDescending(c => c.People).ThenBy(c => c.Domain, StringComparer.Ordinal).ToList();
    }
}
