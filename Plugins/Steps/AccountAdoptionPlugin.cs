using System;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Scoring;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// Scores an account when the lead side signals a change (Update of adopt_scoredon with the change in the
    /// request's tag). Runs inside that Update, after its main operation: the row lock is held, and the
    /// post-image the platform hands over is the account as it stands under the lock, so the ledger needs
    /// no read. Writes the changed adoption columns once (never adopt_scoredon, so it does not run again).
    /// An Update of adopt_scoredon without our tag (someone else's write) is left alone.
    /// </summary>
    [PluginStep(MessageNames.Update, AccountColumns.EntityName, PipelineStage.PostOperation,
        FilteringAttributes = AccountColumns.ScoredOn, PostImageName = PostImage, PostImageAttributes = AccountAdoptionUpdater.ImageColumns,
        Description = "Apply a lead's signup change to the account's ledger, score, stage and tasks.")]
    public sealed class AccountAdoptionPlugin : PluginBase
    {
        private const string PostImage = "PostImage";

        public AccountAdoptionPlugin() : base(typeof(AccountAdoptionPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            object value;
            context.SharedVariables.TryGetValue(AccountSignal.TagParameter, out value);
            var tag = SignupTag.Read(value as string);
            if (tag == null || tag.Change == null || tag.Settings == null)
            {
                localContext.Trace("adopt_scoredon was written without a signup tag; nothing to score.");
                return;
            }
            if (tag.Change.AccountId != context.PrimaryEntityId)
                throw new InvalidPluginExecutionException("The signup tag names account " + tag.Change.AccountId + " but account " + context.PrimaryEntityId + " was updated.");
            Entity account;
            if (!context.PostEntityImages.TryGetValue(PostImage, out account))
                throw new InvalidPluginExecutionException("The account scoring step is registered without its post-image '" + PostImage + "'.");
            DateTime now = context.OperationCreatedOn == default(DateTime) ? DateTime.UtcNow : context.OperationCreatedOn;
            new AccountAdoptionUpdater(localContext.SystemUserService, tag.Settings, m => localContext.Trace(m)).Apply(tag, account, now);
        }
    }
}
