using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Engine.Tests;

/// <summary>
/// Test-only: inside every company Update, before the engine's step, writes the account named in <see cref="Account"/>
/// (its name, unchanged), as a concurrent writer of the account would between a signup's read and its write: the
/// account's versionnumber moves on.
/// </summary>
[PluginStep(MessageNames.Update, CompanyColumns.EntityName, PipelineStage.PreOperation)]
public sealed class AccountTouchPlugin : IPlugin
{
    internal static Guid Account;

    public void Execute(IServiceProvider serviceProvider)
    {
        var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
        factory.CreateOrganizationService(null).Update(new Entity(AccountColumns.EntityName, Account) { [AccountColumns.Name] = "Contoso" });
    }
}
