using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Tests.WebApi;

/// <summary>
/// Test-only data for running the account-form panel against the emulator: our solution's tables and
/// shipped plugins, one account with its domain, and people signing up over the last weeks (some of
/// them twice), linked to the account and made adopters by the real plugins (one of them named like
/// an XSS payload).
/// </summary>
public static class PanelSeed
{
    public const string XssName = "<img src=x onerror=alert(1)>";

    /// <summary>Every RepeatEvery-th person signs up a second time, near the end, with their email in upper case.</summary>
    public const int RepeatEvery = 10;

    /// <summary><paramref name="People"/> distinct people made <paramref name="Signups"/> leads.</summary>
    public sealed record Seeded(EmulatedOrganization Org, Guid RepId, Guid AccountId, int People, int Signups);

    public static Seeded Create(int adopters = 60)
    {
        // Signups spread over the 12 weeks before now, so the panel's 26-week chart has bars.
        var org = EmulatedOrganization.Create(new EmulatorOptions { StartTimeUtc = DateTime.UtcNow.AddDays(-84), PluginAssemblies = { typeof(AdoptionCrm.Plugins.Infrastructure.PluginBase).Assembly } });
        var rep = org.CreateUser("Rita", "Rep");
        var service = org.SystemService;
        service.Create(new Entity(AdoptionSettingsColumns.EntityName) { [AdoptionSettingsColumns.Name] = "Default", [AdoptionSettingsColumns.IsActive] = true });
        var account = service.Create(new Entity(AccountColumns.EntityName)
        {
            [AccountColumns.Name] = "Contoso Ltd", [AccountColumns.OwnerId] = new EntityReference("systemuser", rep),
        });
        service.Create(new Entity(AccountDomainColumns.EntityName)
        {
            [AccountDomainColumns.Name] = "contoso.com",
            [AccountDomainColumns.AccountId] = new EntityReference(AccountColumns.EntityName, account),
            [AccountDomainColumns.Source] = new OptionSetValue((int)DomainSource.Manual),
            [AccountDomainColumns.IsPrimary] = true,
        });
        string[] first = { "Ann", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal" };
        string[] titles = { "Engineer", "Designer", "Product Manager", "Analyst" };
        var repeats = Enumerable.Range(0, adopters).Where(i => i % RepeatEvery == RepeatEvery / 2).ToList();
        var step = TimeSpan.FromMinutes(84.0 * 24 * 60 / (adopters + repeats.Count + 1));
        Entity Lead(int i, string email) => new(LeadColumns.EntityName)
        {
            [LeadColumns.FirstName] = i == 7 ? null : first[i % first.Length],
            [LeadColumns.LastName] = i == 7 ? XssName : $"Adopter{i:000}",
            [LeadColumns.EmailAddress1] = email,
            ["jobtitle"] = titles[i % titles.Length],
            [LeadColumns.Usage] = i % 50,
        };
        for (var i = 0; i < adopters; i++)
        {
            org.Clock.Advance(step);
            service.Create(Lead(i, $"user{i:000}@contoso.com"));
        }
        // The same people again: one person each, however the address is typed.
        foreach (var i in repeats)
        {
            org.Clock.Advance(step);
            service.Create(Lead(i, $"USER{i:000}@Contoso.com"));
        }
        org.DrainAsyncQueue();
        org.Clock.Set(DateTime.UtcNow);
        return new Seeded(org, rep, account, adopters, adopters + repeats.Count);
    }
}
