using System;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Plays;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>The rep's play on a stage rise, asynchronously (AccountPlay): a task failure is retried and stays on the system job, never on a signup.</summary>
    [PluginStep(MessageNames.Update, AccountColumns.EntityName, PipelineStage.PostOperation, Mode = StepMode.Asynchronous,
        FilteringAttributes = AccountColumns.AdoptionStage, PreImageName = PreImage, PreImageAttributes = AccountColumns.AdoptionStage,
        PostImageName = PostImage, PostImageAttributes = AccountPlay.ImageColumns,
        Description = "Give the account's rep a task when its adoption stage rises.")]
    public sealed class AccountPlayPlugin : PluginBase
    {
        private const string PreImage = "PreImage";
        private const string PostImage = "PostImage";

        public AccountPlayPlugin() : base(typeof(AccountPlayPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            var after = context.PostImageWithId(PostImage);
            if (after == null) return;
            var before = context.OptionalPreImage(PreImage);
            DateTime now = context.OperationTime();
            var service = localContext.SystemUserService;
            new AccountPlay(service, SettingsReader.ReadActive(service), now, m => localContext.Trace(m)).Run(before, after);
        }
    }
}
