using System.Collections.Generic;
using System.Linq;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// A save of the settings row reaches the data already there, as the settings definition says per setting
    /// (SettingsChange): a changed window, threshold, half-life or weight requests a recompute from the leads
    /// (adopt_rebuildrequestedon, which the daily flow's rebuild phase carries out in bounded batches: that is how
    /// lengthening the window brings back history the buckets had dropped); a changed exclusion switch or subdomain
    /// setting queues every lead for relinking; own domains added or removed queue those domains (RelinkQueue). All of
    /// it is an edit of the Target in PreOperation, saved with the change, no second update. No filtering attributes:
    /// which settings count is the definition's to say.
    /// </summary>
    [PluginStep(MessageNames.Update, AdoptionSettingsColumns.EntityName, PipelineStage.PreOperation, Rank = 2,
        PreImageName = PreImage,
        Description = "Queue relinks and request a recompute from the leads for what a settings change affects.")]
    public sealed class SettingsChangePlugin : PluginBase
    {
        private const string PreImage = "PreImage";

        public SettingsChangePlugin() : base(typeof(SettingsChangePlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            var target = (Entity)context.InputParameters["Target"];
            var pre = context.OptionalPreImage(PreImage);
            var merged = ExecutionContextReads.RowAsSaved(pre, target);
            var change = SettingsChange.Between(AdoptionSettings.FromRow(pre), AdoptionSettings.FromRow(merged));

            // Own domains are queued on the row whether or not it is the active one: the queue waits on the row.
            var relink = new List<string>(change.DomainsToRelink);
            bool active = merged.GetAttributeValue<bool?>(AdoptionSettingsColumns.IsActive) == true;
            if (active && change.ColumnsNeedingRebuild.Count > 0)
            {
                target[AdoptionSettingsColumns.RebuildRequestedOn] = context.OperationTime();
                localContext.Trace("Changed " + string.Join(", ", change.ColumnsNeedingRebuild) + ": a recompute from the leads is requested.");
            }
            if (active && change.ColumnsRelinkingAll.Count > 0)
            {
                relink.Add(RelinkQueue.AllDomains); // every lead may be classified differently now
                localContext.Trace("Changed " + string.Join(", ", change.ColumnsRelinkingAll) + ": every lead is queued for relinking.");
            }
            if (relink.Count == 0) return;
            RelinkQueue.AddTo(pre ?? merged, target, relink, context.OperationTime());
            if (change.DomainsToRelink.Count > 0) localContext.Trace("Own domains changed; queued for relinking: " + string.Join(", ", change.DomainsToRelink));
        }
    }
}
