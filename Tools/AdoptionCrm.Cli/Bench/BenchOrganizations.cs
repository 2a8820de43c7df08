using AdoptionCrm.Emulator;
using AdoptionCrm.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Cli.Bench;

/// <summary>Organizations and rows the benchmarks share: fresh emulators with or without our plugins.</summary>
public static class BenchOrganizations
{
    public static EmulatedOrganization New(bool withPlugins) =>
        withPlugins
            ? EmulatedOrganization.Create(new EmulatorOptions { PluginAssemblies = { typeof(PluginBase).Assembly } })
            : EmulatedOrganization.Create();

    /// <summary>Turns our plugins on in an organization created without them (after seeding it fast).</summary>
    public static void RegisterPlugins(EmulatedOrganization org) => org.RegisterPluginAssembly(typeof(PluginBase).Assembly);

    /// <summary>Whether the shipped plugin assembly declares any step yet (the engine may not have landed).</summary>
    public static int ShippedStepCount()
    {
        var org = New(withPlugins: true);
        return org.Steps.All.Count;
    }

    /// <summary>A plausible signup lead; i keeps names and emails distinct.</summary>
    public static Entity Lead(int i, string domain) => new("lead")
    {
        ["firstname"] = "Person",
        ["lastname"] = "Number " + i,
        ["emailaddress1"] = $"person{i}@{domain}",
        ["companyname"] = domain,
    };
}
