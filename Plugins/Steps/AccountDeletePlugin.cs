using System.Linq;
using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Handover;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Model;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// An account deleted: its domain rows are deleted and the lookups to it cleared by the platform's cascades
    /// (adopt_accountdomain Cascade; company, adopter and lead RemoveLink, R6), whose own steps may or may not fire
    /// (unverified). So, whatever fires: PreOperation reads the names of its domain rows (they are gone afterwards)
    /// into SharedVariables, which pass from PreOperation to PostOperation of one pipeline
    /// (learn.microsoft.com/power-apps/developer/data-platform/understand-the-data-context#shared-variables), and
    /// PostOperation relinks each domain's company to the next claim, or to none. Synchronous by necessity (shared
    /// variables do not reach another pipeline); a few calls per domain of the deleted account.
    /// </summary>
    [PluginStep(MessageNames.Delete, AccountColumns.EntityName, PipelineStage.PreOperation, Description = "Remember the deleted account's domains.")]
    [PluginStep(MessageNames.Delete, AccountColumns.EntityName, PipelineStage.PostOperation, Description = "Relink the deleted account's domains.")]
    public sealed class AccountDeletePlugin : PluginBase
    {
        public AccountDeletePlugin() : base(typeof(AccountDeletePlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            var transfer = new AccountDomainTransfer(localContext.SystemUserService, m => localContext.Trace(m));
            if (context.Stage == (int)PipelineStage.PreOperation)
            {
                var names = transfer.DomainRows(context.PrimaryEntityId).Select(r => r.GetAttributeValue<string>(AccountDomainColumns.Name));
                context.SharedVariables[SharedVariableNames.DeletedAccountDomains] = string.Join(",", names);
                return;
            }
            object shared;
            if (!context.SharedVariables.TryGetValue(SharedVariableNames.DeletedAccountDomains, out shared) || !(shared is string text) || text.Length == 0) return;
            transfer.Relink(text.Split(','));
        }
    }
}
