using System;
using System.Diagnostics;
using AdoptionCrm.Plugins.Backfill;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// A backfill run created in the app (New Backfill Run, Save) starts here: an asynchronous step, so the admin's
    /// save returns at once, that calls adopt_Backfill batch after batch. Outside a transaction (asynchronous
    /// steps run outside the caller's, learn.microsoft.com/power-apps/developer/data-platform/asynchronous-service),
    /// each call is its own transaction, so a failing batch leaves the batches before it done; the failure is
    /// written on the run (state Failed, last error). It stops after <see cref="MaxBatches"/> batches or
    /// <see cref="TimeBudget"/>, well inside the 2-minute limit of one plug-in execution
    /// (learn.microsoft.com/power-apps/developer/data-platform/analyze-performance); it does not re-trigger
    /// itself, because a chain of asynchronous steps stops at depth 8
    /// (maximum depth 8 within one hour: learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.iexecutioncontext.depth).
    /// A run with more left stays Running with its continuation on the row, for the continuation flow or
    /// `adoptioncrm backfill --run` to go on with.
    /// </summary>
    [PluginStep(MessageNames.Create, BackfillRunColumns.EntityName, PipelineStage.PostOperation, Mode = StepMode.Asynchronous,
        Description = "Start the install backfill run saved in the app.")]
    public sealed class BackfillRunStartPlugin : PluginBase
    {
        public const int MaxBatches = 100;
        public static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(90);

        public BackfillRunStartPlugin() : base(typeof(BackfillRunStartPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            var target = context.InputParameters.Contains("Target") ? context.InputParameters["Target"] as Entity : null;
            var state = target?.GetAttributeValue<OptionSetValue>(BackfillRunColumns.State);
            // A run created Running belongs to the client that created it (the CLI loops it itself).
            if (state != null && state.Value != (int)BackfillState.Queued) { localContext.Trace("Run created " + state.Value + ": left to its client."); return; }
            var service = localContext.SystemUserService;
            var clock = Stopwatch.StartNew();
            for (int batch = 0; batch < MaxBatches && clock.Elapsed < TimeBudget; batch++)
            {
                OrganizationResponse response;
                try
                {
                    var request = new OrganizationRequest(BackfillPlugin.MessageName);
                    request[BackfillPlugin.RunIdParameter] = context.PrimaryEntityId;
                    response = service.Execute(request);
                }
                catch (Exception e)
                {
                    localContext.Trace("Backfill batch failed: " + e.Message);
                    BackfillRunFailure.Record(service, context.PrimaryEntityId, e.Message);
                    return;
                }
                if (response.Results.Contains(BackfillPlugin.DoneProperty) && (bool)response.Results[BackfillPlugin.DoneProperty]) return;
            }
            localContext.Trace("Backfill run " + context.PrimaryEntityId + " left for its continuation after " + clock.Elapsed);
        }
    }
}
