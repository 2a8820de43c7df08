using System.ServiceModel;
using AdoptionCrm.Emulator;
using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Tests;

/// <summary>A test-only IPlugin running a lambda (registered through the test API, never shipped).</summary>
internal sealed class DelegatePlugin : IPlugin
{
    private readonly Action<IPluginExecutionContext, IOrganizationServiceFactory, ITracingService> _body;

    public DelegatePlugin(Action<IPluginExecutionContext, IOrganizationServiceFactory, ITracingService> body) => _body = body;

    public void Execute(IServiceProvider serviceProvider) => _body(
        (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!,
        (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!,
        (ITracingService)serviceProvider.GetService(typeof(ITracingService))!);
}

internal static class TestOrg
{
    /// <summary>An organization without the shipped plugins and with an alternate key on account.accountnumber.</summary>
    public static EmulatedOrganization Create()
    {
        var options = new EmulatorOptions { RegisterShippedPlugins = false, LoadSolutionTables = false };
        options.Tables.Add(new TableDefinition("account") { Keys = new[] { new KeyDefinition("accountnumber_key", new[] { "accountnumber" }) } });
        return EmulatedOrganization.Create(options);
    }

    public static EmulatedOrganization On(this EmulatedOrganization org, string message, string table, int stage,
        Action<IPluginExecutionContext, IOrganizationServiceFactory, ITracingService> body, int rank = 1, int mode = 0,
        string[]? filtering = null, ImageDefinition? pre = null, ImageDefinition? post = null) =>
        org.RegisterStep(new StepDefinition(message, table, stage) { Rank = rank, Mode = mode, FilteringAttributes = filtering, PreImage = pre, PostImage = post },
            new DelegatePlugin(body));

    public static OrganizationServiceFault Fault(Action action) => Assert.Throws<FaultException<OrganizationServiceFault>>(action).Detail;
}
