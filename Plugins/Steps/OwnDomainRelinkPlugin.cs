using System;
using System.Linq;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// Own domains added to or removed from the settings row change how existing leads at them are classified:
    /// the added and removed domains are queued (RelinkQueue) on the row itself, as an edit of the Target in
    /// PreOperation (saved with the change, no second update).
    /// </summary>
    [PluginStep(MessageNames.Update, AdoptionSettingsColumns.EntityName, PipelineStage.PreOperation, Rank = 2,
        FilteringAttributes = AdoptionSettingsColumns.OwnDomains,
        PreImageName = PreImage, PreImageAttributes = AdoptionSettingsColumns.OwnDomains + "," + AdoptionSettingsColumns.RelinkDomains,
        Description = "Queue the own domains added or removed for relinking their existing leads.")]
    public sealed class OwnDomainRelinkPlugin : PluginBase
    {
        private const string PreImage = "PreImage";

        public OwnDomainRelinkPlugin() : base(typeof(OwnDomainRelinkPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            var target = (Entity)context.InputParameters["Target"];
            var pre = context.OptionalPreImage(PreImage);
            var before = Setting.SplitList(pre == null ? null : pre.GetAttributeValue<string>(AdoptionSettingsColumns.OwnDomains));
            var after = Setting.SplitList(target.GetAttributeValue<string>(AdoptionSettingsColumns.OwnDomains));
            var changed = before.Except(after, StringComparer.OrdinalIgnoreCase).Concat(after.Except(before, StringComparer.OrdinalIgnoreCase))
                .Select(d => { string reason; return DomainRuleName.Canonical(d, out reason); }).Where(d => d != null).ToList();
            if (changed.Count == 0) return;
            RelinkQueue.AddTo(pre ?? new Entity(AdoptionSettingsColumns.EntityName), target, changed, context.OperationTime());
            localContext.Trace("Own domains changed; queued for relinking: " + string.Join(", ", changed));
        }
    }
}
