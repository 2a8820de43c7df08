using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Model;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// Once a company is counted in another account (the engine wrote adopt_countedaccountid under the locks), plans
    /// the move of its adopters and leads there: one adopt_movebatch Update per bounded batch (CompanyMover), each run
    /// by CompanyMoveBatchPlugin in its own system job. Asynchronous: outside that transaction, and a failure is
    /// retried without touching the counts.
    /// </summary>
    [PluginStep(MessageNames.Update, CompanyColumns.EntityName, PipelineStage.PostOperation, Mode = StepMode.Asynchronous,
        FilteringAttributes = CompanyColumns.CountedAccountId,
        Description = "Plan the move of a company's adopters and leads to the account it now belongs to.")]
    public sealed class CompanyMovePlugin : PluginBase
    {
        public CompanyMovePlugin() : base(typeof(CompanyMovePlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext) =>
            new CompanyMover(localContext.SystemUserService, m => localContext.Trace(m)).Plan(localContext.PluginExecutionContext.PrimaryEntityId);
    }
}
