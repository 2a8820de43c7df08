using System.Linq;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// An account domain added, removed or changed: the leads with that email domain are matched again,
    /// which moves each to its new account and rescores both the old and the new one (through the
    /// lead's own steps). Bounded per execution; larger moves are the backfill's job.
    /// </summary>
    [PluginStep(MessageNames.Create, AccountDomainColumns.EntityName, PipelineStage.PostOperation,
        Description = "Match the leads of a newly claimed domain again.")]
    [PluginStep(MessageNames.Update, AccountDomainColumns.EntityName, PipelineStage.PostOperation,
        FilteringAttributes = ChangedColumns, PreImageName = PreImage, PreImageAttributes = AccountDomainColumns.Name,
        Description = "Match the leads of a changed domain row again.")]
    [PluginStep(MessageNames.Delete, AccountDomainColumns.EntityName, PipelineStage.PostOperation,
        PreImageName = PreImage, PreImageAttributes = AccountDomainColumns.Name,
        Description = "Match the leads of a removed domain again.")]
    public sealed class AccountDomainChangePlugin : PluginBase
    {
        private const string PreImage = "PreImage";
        private const string ChangedColumns = AccountDomainColumns.Name + "," + AccountDomainColumns.AccountId + "," + AccountDomainColumns.IsPrimary + ","
            + AccountDomainColumns.Source + "," + DomainRuleColumns.StateCode;

        public AccountDomainChangePlugin() : base(typeof(AccountDomainChangePlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            Entity pre;
            context.PreEntityImages.TryGetValue(PreImage, out pre);
            var target = context.InputParameters.Contains("Target") ? context.InputParameters["Target"] as Entity : null;
            var names = new[]
            {
                pre == null ? null : pre.GetAttributeValue<string>(AccountDomainColumns.Name),
                target == null ? null : target.GetAttributeValue<string>(AccountDomainColumns.Name),
            }.Where(n => !string.IsNullOrEmpty(n)).Distinct().ToList();
            if (names.Count == 0 && target != null && pre != null) names.Add(pre.GetAttributeValue<string>(AccountDomainColumns.Name));
            var relinker = new LeadRelinker(localContext.SystemUserService, m => localContext.Trace(m));
            foreach (var name in names) relinker.RelinkDomain(name);
        }
    }
}
