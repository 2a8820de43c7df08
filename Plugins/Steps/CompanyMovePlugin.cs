using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// Once a company is counted in another account (the engine wrote adopt_countedaccountid under the locks),
    /// moves its adopters and leads there, outside that transaction (asynchronous: many rows, and a failure is
    /// retried without touching the counts).
    /// </summary>
    [PluginStep(MessageNames.Update, CompanyColumns.EntityName, PipelineStage.PostOperation, Mode = StepMode.Asynchronous,
        FilteringAttributes = CompanyColumns.CountedAccountId, PostImageName = PostImage, PostImageAttributes = CompanyColumns.CountedAccountId,
        Description = "Move a company's adopters and leads to the account it now belongs to.")]
    public sealed class CompanyMovePlugin : PluginBase
    {
        private const string PostImage = "PostImage";

        public CompanyMovePlugin() : base(typeof(CompanyMovePlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            Entity image;
            if (!context.PostEntityImages.TryGetValue(PostImage, out image)) return;
            var account = image.GetAttributeValue<EntityReference>(CompanyColumns.CountedAccountId);
            new CompanyMover(localContext.SystemUserService, m => localContext.Trace(m))
                .Move(context.PrimaryEntityId, account == null ? (System.Guid?)null : account.Id, account == null ? null : account.Name);
        }
    }
}
