using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Engine.Tests;

/// <summary>Test-only: every update of the company named poison.com throws, as a row whose recompute always fails would.</summary>
[PluginStep(MessageNames.Update, CompanyColumns.EntityName, PipelineStage.PreOperation)]
public sealed class PoisonCompanyPlugin : IPlugin
{
    internal static readonly Guid Poison = RowIds.Company("poison.com");

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        if (context.PrimaryEntityId == Poison) throw new InvalidPluginExecutionException("poison company");
    }
}
