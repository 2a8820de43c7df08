using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Model;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// Right after something is queued for relinking, one bounded batch (RelinkSweep) runs outside the change's
    /// transaction, so a small change reaches existing leads within minutes. It does not trigger itself for the
    /// next batch (a chain of plug-ins stops at Depth 8): the daily recompute flow, looping adopt_Rebuild, finishes
    /// a larger queue.
    /// </summary>
    [PluginStep(MessageNames.Update, AdoptionSettingsColumns.EntityName, PipelineStage.PostOperation, Mode = StepMode.Asynchronous,
        FilteringAttributes = AdoptionSettingsColumns.RelinkSince,
        Description = "Link again the first batch of leads at the domains just queued.")]
    public sealed class RelinkPlugin : PluginBase
    {
        public RelinkPlugin() : base(typeof(RelinkPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            bool done;
            RelinkSweep.RunBatch(localContext.SystemUserService, m => localContext.Trace(m), out done);
        }
    }
}
