using System;
using AdoptionCrm.Plugins.Backfill;
using AdoptionCrm.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// adopt_Backfill (Custom API, Solution/src/customapis/adopt_Backfill): runs the next batch of an install
    /// backfill run (BackfillBatch). Request: RunId (the adopt_backfillrun; without it, the oldest run that is
    /// Queued or Running, BackfillRunQueue). Response: Done, Phase (in words) and Cookie (where the next batch
    /// starts; null when done, or when no run is waiting). Call it again until Done: the CLI does, and so do the
    /// run's start step and the continuation flow ("Adoption: continue backfill").
    /// </summary>
    [CustomApi(MessageName)]
    public sealed class BackfillPlugin : PluginBase
    {
        public const string MessageName = "adopt_Backfill";
        public const string RunIdParameter = "RunId";
        public const string DoneProperty = "Done";
        public const string PhaseProperty = "Phase";
        public const string CookieProperty = "Cookie";

        /// <summary>The shipped cloud flow that loops this API for a run started in the app (Solution/src/Workflows).</summary>
        public const string ContinuationFlowName = "Adoption: continue backfill";

        public BackfillPlugin() : base(typeof(BackfillPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            Guid? runId = context.InputParameters.Contains(RunIdParameter) ? context.InputParameters[RunIdParameter] as Guid? : null;
            var service = localContext.SystemUserService;
            if (runId == null || runId.Value == Guid.Empty) runId = BackfillRunQueue.Next(service);
            if (runId == null)
            {
                localContext.Trace("No backfill run is Queued or Running.");
                context.OutputParameters[DoneProperty] = true;
                context.OutputParameters[PhaseProperty] = "No backfill run waiting";
                context.OutputParameters[CookieProperty] = null;
                return;
            }
            var progress = new BackfillBatch(service, context.IsInTransaction, context.OperationTime(), m => localContext.Trace(m)).Run(runId.Value);
            context.OutputParameters[DoneProperty] = progress.Next == null;
            context.OutputParameters[PhaseProperty] = BackfillProgress.Describe(progress.Next);
            context.OutputParameters[CookieProperty] = progress.Next?.ToString();
        }
    }
}
