using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// One batch of a company's move (CompanyMover.Run): the adopters listed in the adopt_movebatch value of the
    /// Update that queued this job (read from its Target, the request itself), or the continuation of a long plan.
    /// Asynchronous; idempotent, so a retry or a second delivery changes nothing.
    /// </summary>
    [PluginStep(MessageNames.Update, CompanyColumns.EntityName, PipelineStage.PostOperation, Mode = StepMode.Asynchronous,
        FilteringAttributes = CompanyColumns.MoveBatch,
        Description = "Point one batch of a moved company's adopters and leads at its account.")]
    public sealed class CompanyMoveBatchPlugin : PluginBase
    {
        public CompanyMoveBatchPlugin() : base(typeof(CompanyMoveBatchPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            var target = context.InputParameters["Target"] as Entity;
            if (target == null) return;
            new CompanyMover(localContext.SystemUserService, m => localContext.Trace(m))
                .Run(context.PrimaryEntityId, target.GetAttributeValue<string>(CompanyColumns.MoveBatch));
        }
    }
}
