using System;
using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Handover;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// An account's engine step: runs inside the account Update that carries a company's bucket change in
    /// adopt_pendingchange (always sent from inside a company's locked transaction, so the lock order is
    /// company → account). The post-image is the account under its lock; the summary columns that changed are
    /// written once (never adopt_pendingchange, so the step does not start again).
    /// </summary>
    [PluginStep(MessageNames.Update, AccountColumns.EntityName, PipelineStage.PostOperation,
        FilteringAttributes = AccountColumns.PendingChange, PostImageName = PostImage, PostImageAttributes = AccountSummaryUpdater.ImageColumns,
        Description = "Apply a company's adoption change to its account's summary under the account's lock.")]
    public sealed class AccountAdoptionPlugin : PluginBase
    {
        private const string PostImage = "PostImage";

        public AccountAdoptionPlugin() : base(typeof(AccountAdoptionPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            var target = (Entity)context.InputParameters["Target"];
            var request = HandoverText.ReadAccount(target.GetAttributeValue<string>(AccountColumns.PendingChange));
            if (request == null) { localContext.Trace("adopt_pendingchange holds no request the engine can read; nothing to do."); return; }
            var image = context.RequiredPostImage(PostImage, "account");
            DateTime now = context.OperationTime();
            var service = localContext.SystemUserService;
            AdoptionSettings settings = request.Settings ?? SettingsReader.ReadActive(service);
            new AccountSummaryUpdater(service, now, m => localContext.Trace(m)).Apply(image, request, settings);
        }
    }
}
