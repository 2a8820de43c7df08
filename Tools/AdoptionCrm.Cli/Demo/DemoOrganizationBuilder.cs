using AdoptionCrm.Cli.Simulate;
using AdoptionCrm.Emulator;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Cli.Demo;

/// <summary>
/// The demo's organization before any signup: four reps, a rep who has left (disabled), a sales
/// manager as the settings' fallback owner, a team owning one account, and the catalog's accounts
/// with their domains. Everything goes through the service, so our account and domain steps run.
/// </summary>
public static class DemoOrganizationBuilder
{
    public static EmulatedOrganization Build(DateTime startUtc)
    {
        var org = EmulatedOrganization.Create(new EmulatorOptions { StartTimeUtc = startUtc.AddDays(-30), OrganizationName = "Adoption demo", PluginAssemblies = { typeof(AdoptionCrm.Plugins.Infrastructure.PluginBase).Assembly } });
        var service = org.SystemService;
        var seeder = new OrganizationSeeder(org);
        var reps = DemoCatalog.Reps.Select(seeder.User).ToArray();
        var disabled = seeder.User(DemoCatalog.DisabledRep);
        service.Update(new Entity(SystemUserColumns.EntityName, disabled) { [SystemUserColumns.IsDisabled] = true });
        var manager = seeder.User(DemoCatalog.Manager);
        var team = org.CreateTeam(DemoCatalog.Team);

        // Tasks for the team-owned account and the disabled rep's account go to the manager.
        service.Create(new Entity(AdoptionSettingsColumns.EntityName)
        {
            [AdoptionSettingsColumns.Name] = "Demo settings",
            [AdoptionSettingsColumns.IsActive] = true,
            [AdoptionSettingsColumns.FallbackUserId] = new EntityReference(SystemUserColumns.EntityName, manager),
        });

        var problems = new List<InputProblem>();
        foreach (var company in DemoCatalog.Companies)
        {
            var owner = company.Owner switch
            {
                DemoOwner.Team => new EntityReference(OwnerTables.Team, team),
                DemoOwner.DisabledRep => new EntityReference(SystemUserColumns.EntityName, disabled),
                _ => new EntityReference(SystemUserColumns.EntityName, reps[(int)company.Owner]),
            };
            seeder.CreateAccount(new AccountInput(0, company.Name, company.Domains, null), "demo", problems, owner);
        }
        if (problems.Count > 0) throw new InvalidOperationException("the demo organization could not be built: " + problems[0]);
        return org;
    }
}
