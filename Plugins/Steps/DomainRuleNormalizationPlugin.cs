using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// Stores a domain rule's name in canonical form (lowercase, punycode; "@Contoso.com" → contoso.com;
    /// "*.contoso.com" kept), so the per-lead rule lookup is an exact, indexed match. Refuses a name that
    /// is not a domain, naming the field.
    /// </summary>
    [PluginStep(MessageNames.Create, DomainRuleColumns.EntityName, PipelineStage.PreOperation, Description = "Canonical domain rule name.")]
    [PluginStep(MessageNames.Update, DomainRuleColumns.EntityName, PipelineStage.PreOperation, FilteringAttributes = DomainRuleColumns.Name,
        Description = "Canonical domain rule name.")]
    public sealed class DomainRuleNormalizationPlugin : PluginBase
    {
        public DomainRuleNormalizationPlugin() : base(typeof(DomainRuleNormalizationPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var target = localContext.PluginExecutionContext.InputParameters["Target"] as Entity;
            if (target == null || !target.Contains(DomainRuleColumns.Name)) return;
            string typed = target.GetAttributeValue<string>(DomainRuleColumns.Name);
            string canonical = DomainRuleName.Canonical(typed);
            if (canonical == null)
                throw new InvalidPluginExecutionException(DomainRuleColumns.Name + ": '" + typed + "' is not a domain (expected e.g. contoso.com or *.contoso.com).");
            if (canonical != typed) target[DomainRuleColumns.Name] = canonical;
        }
    }
}
