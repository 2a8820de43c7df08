using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Plays;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>Every stage change of an account, recorded asynchronously (StageHistory): the history never touches a signup's save.</summary>
    [PluginStep(MessageNames.Update, AccountColumns.EntityName, PipelineStage.PostOperation, Mode = StepMode.Asynchronous,
        FilteringAttributes = AccountColumns.AdoptionStage, PreImageName = PreImage, PreImageAttributes = AccountColumns.AdoptionStage,
        PostImageName = PostImage, PostImageAttributes = StageHistory.ImageColumns,
        Description = "Record the account's stage change and its peak (stage history; a fall reads as cooling).")]
    public sealed class StageHistoryPlugin : PluginBase
    {
        private const string PreImage = "PreImage";
        private const string PostImage = "PostImage";

        public StageHistoryPlugin() : base(typeof(StageHistoryPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            var after = context.PostImageWithId(PostImage);
            if (after == null) return;
            var before = context.OptionalPreImage(PreImage);
            new StageHistory(localContext.SystemUserService, context.OperationTime(), m => localContext.Trace(m)).Record(before, after);
        }
    }
}
