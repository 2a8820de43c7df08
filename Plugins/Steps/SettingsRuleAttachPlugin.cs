using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// A settings row created after rules were saved without one takes those rules (adopt_settingsid),
    /// so the engine's single settings-and-rules query finds them. Rules are typed by sales ops, a few
    /// hundred at most; the cap keeps one execution inside the plug-in time limit.
    /// </summary>
    [PluginStep(MessageNames.Create, AdoptionSettingsColumns.EntityName, PipelineStage.PostOperation,
        Description = "Attach the domain rules saved without a settings row to the new settings row.")]
    public sealed class SettingsRuleAttachPlugin : PluginBase
    {
        private const int MaxRules = 5000;

        public SettingsRuleAttachPlugin() : base(typeof(SettingsRuleAttachPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            var service = localContext.SystemUserService;
            var query = new QueryExpression(DomainRuleColumns.EntityName) { ColumnSet = new ColumnSet(false), TopCount = MaxRules };
            query.Criteria.AddCondition(DomainRuleColumns.SettingsId, ConditionOperator.Null);
            var orphans = service.RetrieveMultiple(query).Entities;
            var settings = new EntityReference(AdoptionSettingsColumns.EntityName, context.PrimaryEntityId);
            foreach (var rule in orphans)
                service.Update(new Entity(DomainRuleColumns.EntityName, rule.Id) { [DomainRuleColumns.SettingsId] = settings });
            localContext.Trace("Attached " + orphans.Count + " rule(s) to settings " + context.PrimaryEntityId + (orphans.Count == MaxRules ? " (cap reached; save the rest again)" : "") + ".");
        }
    }
}
