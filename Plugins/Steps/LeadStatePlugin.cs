using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Handover;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// A lead's state changed by SetStateDynamicEntity (what SDK SetState, Disqualify and Reactivate, QualifyLead and
    /// a merged subordinate may fire instead of, or as well as, an Update of statecode: undocumented, R5). Reads the
    /// lead as it is now and sends its company the request for that state ("set lead L for person P" while it counts,
    /// "remove" once it does not), the same request the Update path sends. A request names a lead and its state,
    /// never a delta, so a second or third delivery of one state change (this step, the Update step, a retry)
    /// changes nothing; and reading the row when the job runs, not an image of the moment it was queued, gives the
    /// last state even when two system jobs run out of order. Asynchronous, outside the caller's transaction (R2).
    /// </summary>
    [PluginStep(MessageNames.SetStateDynamicEntity, LeadColumns.EntityName, PipelineStage.PostOperation, Mode = StepMode.Asynchronous,
        Description = "Count or stop counting a lead whose state changed.")]
    public sealed class LeadStatePlugin : PluginBase
    {
        private const string Moniker = "EntityMoniker";

        public LeadStatePlugin() : base(typeof(LeadStatePlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            var moniker = context.InputParameters.Contains(Moniker) ? context.InputParameters[Moniker] as EntityReference : null;
            if (moniker == null) return;
            var service = localContext.SystemUserService;
            var columns = new ColumnSet(LeadSignup.Columns);
            columns.AddColumns(LeadColumns.ParentAccountId, LeadColumns.MatchMethod);
            var lead = service.Retrieve(LeadColumns.EntityName, moniker.Id, columns);
            var now = context.OperationTime();
            var requests = LeadStateChange.Requests(lead, now);
            if (requests.Count == 0) { localContext.Trace("The lead counts nowhere in any state."); return; }
            var sender = new RequestSender(service, context.IsInTransaction);
            var settings = SettingsReader.ReadActive(service);
            foreach (var request in requests)
            {
                request.Settings = settings;
                localContext.Trace((request.Entry == null ? "Removing lead from " : "Setting lead for ") + request.Email + " at " + request.Domain + " (state change).");
                sender.SendCompany(RowIds.Company(request.Domain), request.Domain, request, createIfMissing: true);
            }
        }
    }
}
