using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// Stores an account domain row's name in canonical form (AccountDomainName), so that the per-lead claim lookup,
    /// an exact indexed match, finds what a person typed as www.contoso.com, @contoso.com or https://contoso.com.
    /// Refuses a name that is not a domain, naming the field. PreOperation: the platform saves PreOperation edits of
    /// the Target (learn.microsoft.com/power-apps/developer/data-platform/event-framework#event-execution-pipeline).
    /// </summary>
    [PluginStep(MessageNames.Create, AccountDomainColumns.EntityName, PipelineStage.PreOperation, Description = "Canonical account domain name.")]
    [PluginStep(MessageNames.Update, AccountDomainColumns.EntityName, PipelineStage.PreOperation, FilteringAttributes = AccountDomainColumns.Name,
        Description = "Canonical account domain name.")]
    public sealed class AccountDomainNormalizationPlugin : PluginBase
    {
        public AccountDomainNormalizationPlugin() : base(typeof(AccountDomainNormalizationPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var target = localContext.PluginExecutionContext.InputParameters["Target"] as Entity;
            if (target == null || !target.Contains(AccountDomainColumns.Name)) return;
            string typed = target.GetAttributeValue<string>(AccountDomainColumns.Name);
            string reason;
            string canonical = AccountDomainName.Canonical(typed, out reason);
            if (canonical == null)
                throw new InvalidPluginExecutionException(AccountDomainColumns.Name + ": '" + typed + "' is not a domain (" + reason + "; expected e.g. contoso.com).");
            if (canonical != typed)
            {
                target[AccountDomainColumns.Name] = canonical;
                localContext.Trace("Account domain '" + typed + "' stored as " + canonical + ".");
            }
        }
    }
}
