using AdoptionCrm.Emulator;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Cli.Bench;

/// <summary>
/// Accounts with a claimed domain each (an adopt_accountdomain row, as sales ops or an import would
/// write it), so that benchmark leads link the way real signups do.
/// </summary>
public static class BenchAccounts
{
    private const int ManualSource = 462010000;

    public static string DomainOf(int account) => $"company{account}.com";

    public static List<Guid> Create(EmulatedOrganization org, int count)
    {
        var ids = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            var id = org.SystemService.Create(new Entity("account") { ["name"] = $"Company {i}" });
            org.SystemService.Create(new Entity("adopt_accountdomain")
            {
                ["adopt_name"] = DomainOf(i),
                ["adopt_accountid"] = new EntityReference("account", id),
                ["adopt_isprimary"] = true,
                ["adopt_source"] = new OptionSetValue(ManualSource),
            });
            ids.Add(id);
        }
        return ids;
    }
}
