using System.Linq;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// The active settings row holds sales ops' domain rules (adopt_settingsid), so the engine's single
    /// settings-and-rules query finds them. When a row becomes the active one (created active, or activated),
    /// it takes every rule that hangs off no row or off an inactive row: replacing the settings row (deactivate
    /// the old, activate the new: only one can be active, SettingsRowChecks) keeps every rule instead of
    /// dropping them silently. Rules are typed by sales ops, a few hundred at most; the cap keeps one execution
    /// inside the plug-in time limit.
    /// </summary>
    [PluginStep(MessageNames.Create, AdoptionSettingsColumns.EntityName, PipelineStage.PostOperation,
        Description = "Give the new active settings row the domain rules of no row or of inactive rows.")]
    [PluginStep(MessageNames.Update, AdoptionSettingsColumns.EntityName, PipelineStage.PostOperation,
        FilteringAttributes = AdoptionSettingsColumns.IsActive, PostImageName = PostImage, PostImageAttributes = AdoptionSettingsColumns.IsActive,
        Description = "Give the settings row just activated the domain rules of no row or of inactive rows.")]
    public sealed class SettingsRuleAttachPlugin : PluginBase
    {
        private const string PostImage = "PostImage";
        private const int MaxRules = 5000;

        public SettingsRuleAttachPlugin() : base(typeof(SettingsRuleAttachPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            var service = localContext.SystemUserService;
            Entity row = context.MessageName == MessageNames.Create ? (Entity)context.InputParameters["Target"] : context.RequiredPostImage(PostImage, "settings");
            if (row.GetAttributeValue<bool?>(AdoptionSettingsColumns.IsActive) != true) return;

            var inactive = new QueryExpression(AdoptionSettingsColumns.EntityName) { ColumnSet = new ColumnSet(false), TopCount = MaxRules };
            inactive.Criteria.AddCondition(AdoptionSettingsColumns.IsActive, ConditionOperator.NotEqual, true);
            var inactiveIds = service.RetrieveMultiple(inactive).Entities.Select(e => (object)e.Id).ToArray();

            var query = new QueryExpression(DomainRuleColumns.EntityName) { ColumnSet = new ColumnSet(false), TopCount = MaxRules };
            var owner = new FilterExpression(LogicalOperator.Or);
            owner.AddCondition(DomainRuleColumns.SettingsId, ConditionOperator.Null);
            if (inactiveIds.Length > 0) owner.AddCondition(DomainRuleColumns.SettingsId, ConditionOperator.In, inactiveIds);
            query.Criteria.AddFilter(owner);
            var rules = service.RetrieveMultiple(query).Entities;
            var settings = new EntityReference(AdoptionSettingsColumns.EntityName, context.PrimaryEntityId);
            foreach (var rule in rules)
                service.Update(new Entity(DomainRuleColumns.EntityName, rule.Id) { [DomainRuleColumns.SettingsId] = settings });
            localContext.Trace("Attached " + rules.Count + " rule(s) to settings " + context.PrimaryEntityId + (rules.Count == MaxRules ? " (cap reached; save the row again for the rest)" : "") + ".");
        }
    }
}
