using System;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Scoring;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// Keeps the accounts' adoption score, stage and tasks in step with their leads, in the lead's own
    /// transaction (PostOperation, synchronous: a failure rolls the lead back with it). Per change it makes
    /// one call, the account Update that takes the row lock and hands the change to the account's scoring
    /// step (AccountAdoptionPlugin) in the request's tag. Create only (not CreateMultiple): fired per item.
    /// A lead counts at its parentaccountid while it has a normalised email and is not disqualified;
    /// any change to that (email, account, state, usage, delete) removes it from the old account and
    /// adds it to the new one.
    /// </summary>
    [PluginStep(MessageNames.Create, LeadColumns.EntityName, PipelineStage.PostOperation,
        Description = "Count the new lead at its account; rescore; task the rep on a stage rise.")]
    [PluginStep(MessageNames.Update, LeadColumns.EntityName, PipelineStage.PostOperation,
        FilteringAttributes = CountedColumns + "," + LeadColumns.EmailAddress1, PreImageName = PreImage, PreImageAttributes = CountedColumns + "," + LeadColumns.CreatedOn,
        PostImageName = PostImage, PostImageAttributes = CountedColumns + "," + LeadColumns.CreatedOn,
        Description = "Rescore the old and new account when a lead's email, account, state or usage changes.")]
    [PluginStep(MessageNames.Delete, LeadColumns.EntityName, PipelineStage.PostOperation,
        PreImageName = PreImage, PreImageAttributes = CountedColumns + "," + LeadColumns.CreatedOn,
        Description = "Rescore the account when a lead is deleted.")]
    public sealed class LeadAdoptionPlugin : PluginBase
    {
        private const string PreImage = "PreImage";
        private const string PostImage = "PostImage";
        private const string CountedColumns = LeadColumns.ParentAccountId + "," + LeadColumns.NormalizedEmail + "," + LeadColumns.StateCode + ","
            + LeadColumns.Usage + "," + LeadColumns.Invitations;

        public LeadAdoptionPlugin() : base(typeof(LeadAdoptionPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            DateTime now = context.OperationCreatedOn == default(DateTime) ? DateTime.UtcNow : context.OperationCreatedOn;
            Entity before = null, after = null;
            switch (context.MessageName)
            {
                case MessageNames.Create:
                    after = context.InputParameters["Target"] as Entity;
                    if (after != null && after.Id == Guid.Empty) after.Id = context.PrimaryEntityId;
                    break;
                case MessageNames.Update:
                    // Disqualify and reopen arrive here too: statecode is a filtering attribute. Dataverse
                    // documents Update of statecode/statuscode as the way to change state (SetStateRequest
                    // is deprecated), and SetState's message id is not confirmed by any real export.
                    context.PreEntityImages.TryGetValue(PreImage, out before);
                    context.PostEntityImages.TryGetValue(PostImage, out after);
                    break;
                case MessageNames.Delete:
                    context.PreEntityImages.TryGetValue(PreImage, out before);
                    break;
            }

            var changes = LeadCountChanges.Between(before, after, context.PrimaryEntityId, now);
            if (changes.Count == 0) { localContext.Trace("The lead's count at its account did not change."); return; }
            var service = localContext.SystemUserService;
            // The linking step of this same pipeline passed its read on (Create, or Update of the email).
            SignupTag note = Note(context, after);
            AdoptionSettings settings = note != null && note.Settings != null ? note.Settings : SettingsReader.ReadActive(service);
            foreach (var change in changes)
            {
                var tag = new SignupTag { Change = change, Settings = settings };
                if (note != null && note.MatchedAccountId == change.AccountId)
                {
                    tag.OwnerId = note.OwnerId;
                    tag.OwnerIsDisabled = note.OwnerIsDisabled;
                }
                localContext.Trace((change.Adding ? "Adding to" : "Removing from") + " account " + change.AccountId);
                AccountSignal.Send(service, tag, now);
            }
        }

        private static SignupTag Note(IPluginExecutionContext context, Entity after)
        {
            string email = after == null ? null : after.GetAttributeValue<string>(LeadColumns.NormalizedEmail);
            object value;
            if (email == null || !context.SharedVariables.TryGetValue(SharedVariableNames.Signup(email), out value)) return null;
            return SignupTag.Read(value as string);
        }
    }
}
