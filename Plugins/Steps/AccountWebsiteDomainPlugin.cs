using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// Keeps the account's website domain in adopt_accountdomain (source Website, or Auto-created for an
    /// account the engine created), so that matching a lead is one indexed query and the website is the
    /// fallback when no manual domain row exists (manual rows outrank it in the tie-break).
    /// </summary>
    [PluginStep(MessageNames.Create, AccountColumns.EntityName, PipelineStage.PostOperation,
        Description = "Add the account's website domain to the account domains.")]
    [PluginStep(MessageNames.Update, AccountColumns.EntityName, PipelineStage.PostOperation,
        FilteringAttributes = AccountColumns.WebsiteUrl, PreImageName = PreImage, PreImageAttributes = AccountColumns.WebsiteUrl + "," + AccountColumns.AutoCreated,
        Description = "Follow a change of the account's website in the account domains.")]
    public sealed class AccountWebsiteDomainPlugin : PluginBase
    {
        private const string PreImage = "PreImage";

        public AccountWebsiteDomainPlugin() : base(typeof(AccountWebsiteDomainPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            var target = context.InputParameters["Target"] as Entity;
            if (target == null || !target.Contains(AccountColumns.WebsiteUrl)) return;
            var pre = context.OptionalPreImage(PreImage);
            var service = localContext.SystemUserService;
            var settings = SettingsReader.ReadActive(service);
            string oldDomain = pre == null ? null : WebsiteDomain.Of(pre.GetAttributeValue<string>(AccountColumns.WebsiteUrl), settings.KeepSubdomainsApart);
            string newDomain = WebsiteDomain.Of(target.GetAttributeValue<string>(AccountColumns.WebsiteUrl), settings.KeepSubdomainsApart);
            if (oldDomain == newDomain) return;
            bool autoCreated = (target.GetAttributeValue<bool?>(AccountColumns.AutoCreated) ?? (pre != null && pre.GetAttributeValue<bool?>(AccountColumns.AutoCreated) == true));
            new AccountDomainSync(service, m => localContext.Trace(m))
                .ReplaceWebsiteDomain(context.PrimaryEntityId, oldDomain, newDomain, autoCreated ? DomainSource.AutoCreated : DomainSource.Website);
        }
    }
}
