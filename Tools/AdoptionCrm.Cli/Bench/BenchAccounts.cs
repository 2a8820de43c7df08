using AdoptionCrm.Emulator;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Cli.Bench;

/// <summary>
/// Accounts with a claimed domain each (an adopt_accountdomain row, as sales ops or an import would
/// write it), so that benchmark leads link the way real signups do. Each is owned by one of a few reps, as
/// accounts are in a sales organisation: a SYSTEM-owned account has no one who can take its play, so every
/// stage rise failed the play and retried it until the async service gave up, and the benchmarks measured
/// those retries instead of the play.
/// </summary>
public static class BenchAccounts
{
    private const int ManualSource = 462010000;
    private const int Reps = 20;

    public static string DomainOf(int account) => $"company{account}.com";

    public static List<Guid> Create(EmulatedOrganization org, int count)
    {
        var ids = new List<Guid>(count);
        var reps = Enumerable.Range(0, Math.Min(Reps, count)).Select(r => org.CreateUser("Rep", $"Number {r}")).ToList();
        for (var i = 0; i < count; i++)
        {
            var id = org.SystemService.Create(new Entity("account") { ["name"] = $"Company {i}", ["ownerid"] = new EntityReference("systemuser", reps[i % reps.Count]) });
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
