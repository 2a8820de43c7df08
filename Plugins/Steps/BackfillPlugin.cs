using System;
using AdoptionCrm.Plugins.Backfill;
using AdoptionCrm.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// adopt_Backfill (Custom API, Solution/src/customapis/adopt_Backfill): runs the next batch of an install
    /// backfill run (BackfillBatch). Request: RunId (the adopt_backfillrun). Response: Done, Phase (in words) and
    /// Cookie (where the next batch starts; null when done). Call it again until Done: the CLI does, and so
    /// does the run's start step and the continuation flow for a run started in the app.
    /// </summary>
    [CustomApi(MessageName)]
    public sealed class BackfillPlugin : PluginBase
    {
        public const string MessageName = "adopt_Backfill";
        public const string RunIdParameter = "RunId";
        public const string DoneProperty = "Done";
        public const string PhaseProperty = "Phase";
        public const string CookieProperty = "Cookie";

        public BackfillPlugin() : base(typeof(BackfillPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            Guid? runId = context.InputParameters.Contains(RunIdParameter) ? context.InputParameters[RunIdParameter] as Guid? : null;
            if (runId == null || runId.Value == Guid.Empty) throw new InvalidPluginExecutionException("RunId (the backfill run to go on with) is required.");
            var progress = new BackfillBatch(localContext.SystemUserService, context.IsInTransaction, context.OperationTime(), m => localContext.Trace(m)).Run(runId.Value);
            context.OutputParameters[DoneProperty] = progress.Next == null;
            context.OutputParameters[PhaseProperty] = BackfillProgress.Describe(progress.Next);
            context.OutputParameters[CookieProperty] = progress.Next?.ToString();
        }
    }
}
