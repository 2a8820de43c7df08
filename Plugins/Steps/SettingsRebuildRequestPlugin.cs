using System.Linq;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// A change of a setting that alters what existing companies show (SettingsDefinition: RebuildsOnChange —
    /// the window, thresholds, half-life, weights) requests a recompute from the leads: adopt_rebuildrequestedon
    /// is set on the Target in PreOperation (saved with the change). The daily flow's rebuild phase carries it
    /// out in bounded batches (DailyRecompute), which is how lengthening the window brings back the history the
    /// buckets had already dropped. A change of an exclusion switch (RelinksAllOnChange) queues every lead for
    /// relinking instead. No filtering attributes: which settings count is the definition's to say.
    /// </summary>
    [PluginStep(MessageNames.Update, AdoptionSettingsColumns.EntityName, PipelineStage.PreOperation, Rank = 3,
        PreImageName = PreImage,
        Description = "Request a recompute from the leads when the window, thresholds or weights change.")]
    public sealed class SettingsRebuildRequestPlugin : PluginBase
    {
        private const string PreImage = "PreImage";

        public SettingsRebuildRequestPlugin() : base(typeof(SettingsRebuildRequestPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            var target = (Entity)context.InputParameters["Target"];
            var pre = context.OptionalPreImage(PreImage);
            var merged = ExecutionContextReads.RowAsSaved(pre, target);
            var before = AdoptionSettings.FromRow(pre);
            var after = AdoptionSettings.FromRow(merged);
            if (merged.GetAttributeValue<bool?>(AdoptionSettingsColumns.IsActive) != true) return;
            var changed = SettingsDefinition.All.Where(s => s.ChangeNeedsRebuild && !Equals(before[s], after[s])).Select(s => s.Column).ToList();
            if (changed.Count > 0)
            {
                target[AdoptionSettingsColumns.RebuildRequestedOn] = context.OperationTime();
                localContext.Trace("Changed " + string.Join(", ", changed) + ": a recompute from the leads is requested.");
            }
            var relink = SettingsDefinition.All.Where(s => s.ChangeRelinksAll && !Equals(before[s], after[s])).Select(s => s.Column).ToList();
            if (relink.Count > 0)
            {
                // Every lead may be classified differently now: all of them are queued (RelinkQueue.AllDomains).
                RelinkQueue.AddTo(pre ?? merged, target, new[] { RelinkQueue.AllDomains }, context.OperationTime());
                localContext.Trace("Changed " + string.Join(", ", relink) + ": every lead is queued for relinking.");
            }
        }
    }
}
