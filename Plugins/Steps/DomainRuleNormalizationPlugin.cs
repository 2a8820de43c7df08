using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// Stores a domain rule's name in canonical form (lowercase, punycode; "@Contoso.com" → contoso.com;
    /// "*.contoso.com" kept), so the per-lead rule lookup is an exact, indexed match. Refuses a name that
    /// is not a domain, naming the field. A new rule without a settings row is given the active one
    /// (adopt_settingsid), so the engine reads the settings and their rules in one query; without any
    /// settings row, a row holding only the defaults is created for it.
    /// </summary>
    [PluginStep(MessageNames.Create, DomainRuleColumns.EntityName, PipelineStage.PreOperation, Description = "Canonical domain rule name.")]
    [PluginStep(MessageNames.Update, DomainRuleColumns.EntityName, PipelineStage.PreOperation, FilteringAttributes = DomainRuleColumns.Name,
        Description = "Canonical domain rule name.")]
    public sealed class DomainRuleNormalizationPlugin : PluginBase
    {
        public const string DefaultSettingsName = "Default (created with the first domain rule)";

        public DomainRuleNormalizationPlugin() : base(typeof(DomainRuleNormalizationPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            var target = context.InputParameters["Target"] as Entity;
            if (target == null) return;
            if (context.MessageName == MessageNames.Create && target.GetAttributeValue<EntityReference>(DomainRuleColumns.SettingsId) == null)
            {
                var service = localContext.SystemUserService;
                var active = SettingsReader.ActiveId(service);
                if (!active.HasValue)
                {
                    // A row with no values is the defaults; with it, rules always have a settings row to hang off.
                    active = service.Create(new Entity(AdoptionSettingsColumns.EntityName)
                    {
                        [AdoptionSettingsColumns.Name] = DefaultSettingsName,
                        [AdoptionSettingsColumns.IsActive] = true,
                    });
                    localContext.Trace("No active settings row: created '" + DefaultSettingsName + "' (the defaults) for the rule.");
                }
                target[DomainRuleColumns.SettingsId] = new EntityReference(AdoptionSettingsColumns.EntityName, active.Value);
            }
            if (!target.Contains(DomainRuleColumns.Name)) return;
            string typed = target.GetAttributeValue<string>(DomainRuleColumns.Name);
            string reason;
            string canonical = DomainRuleName.Canonical(typed, out reason);
            if (canonical == null)
                throw new InvalidPluginExecutionException(DomainRuleColumns.Name + ": '" + typed + "' cannot be a rule: " + reason + " (expected e.g. contoso.com or *.contoso.com).");
            if (canonical != typed) target[DomainRuleColumns.Name] = canonical;
        }
    }
}
