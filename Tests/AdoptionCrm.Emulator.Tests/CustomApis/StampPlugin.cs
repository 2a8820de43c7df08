using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Tests.CustomApis;

/// <summary>test_Stamp's main operation: the bound account (Target) gets Note as its description, answered back.</summary>
public sealed class StampPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
        var target = (EntityReference)context.InputParameters["Target"];
        var note = context.InputParameters.TryGetValue("Note", out var n) && n is string s ? s : "stamped";
        factory.CreateOrganizationService(context.UserId).Update(new Entity(target.LogicalName, target.Id) { ["description"] = note });
        context.OutputParameters["Description"] = note;
    }
}
