using AdoptionCrm.Emulator.CustomApis;
using AdoptionCrm.Solution.Model;

namespace AdoptionCrm.Emulator.Tests.CustomApis;

/// <summary>An organization with the fixture solution's Custom APIs (Fixtures/CustomApiSolution) and their test plug-ins.</summary>
internal static class CustomApiFixture
{
    public static string SourceDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "CustomApiSolution");

    public static EmulatedOrganization Create()
    {
        var options = new EmulatorOptions { RegisterShippedPlugins = false, LoadSolutionTables = false, LoadSolutionCustomApis = false };
        options.CustomApis.AddRange(SolutionCustomApis.Load(SourceDirectory));
        return EmulatedOrganization.Create(options).RegisterPluginType<EchoPlugin>().RegisterPluginType<StampPlugin>().RegisterPluginType<PingPlugin>();
    }
}
