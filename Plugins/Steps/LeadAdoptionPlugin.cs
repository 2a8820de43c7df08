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
    /// Hands a lead's change to its company, outside the lead's transaction: an asynchronous step, which runs
    /// after the lead committed (learn.microsoft.com/power-apps/developer/data-platform/asynchronous-service),
    /// so nothing here can fail or slow the signup; a failure is on the system job and the job is retried.
    /// Per company touched: one read and one conditional company Update whose synchronous step writes the adopter and
    /// the account in its transaction (SignupDelivery), or, when that is refused or does not apply, the company Update
    /// whose own step does the work under the company's lock.
    /// Create/Update/Delete only (not *Multiple): the platform fires these once per item of a *Multiple.
    /// Disqualify and reopen arrive as Updates of statecode (the documented way to change state).
    /// </summary>
    [PluginStep(MessageNames.Create, LeadColumns.EntityName, PipelineStage.PostOperation, Mode = StepMode.Asynchronous,
        PostImageName = PostImage, PostImageAttributes = ImageColumns,
        Description = "Count the new lead for its person and company.")]
    [PluginStep(MessageNames.Update, LeadColumns.EntityName, PipelineStage.PostOperation, Mode = StepMode.Asynchronous,
        FilteringAttributes = ChangedColumns, PreImageName = PreImage, PreImageAttributes = ImageColumns, PostImageName = PostImage, PostImageAttributes = ImageColumns,
        Description = "Move the lead's signup when its email, state, usage, invitations or name change.")]
    [PluginStep(MessageNames.Delete, LeadColumns.EntityName, PipelineStage.PostOperation, Mode = StepMode.Asynchronous,
        PreImageName = PreImage, PreImageAttributes = ImageColumns,
        Description = "Remove a deleted lead's signup from its person and company.")]
    public sealed class LeadAdoptionPlugin : PluginBase
    {
        private const string PreImage = "PreImage";
        private const string PostImage = "PostImage";
        private const string ImageColumns = LeadSignup.ColumnList + "," + LeadColumns.ParentAccountId + "," + LeadColumns.MatchMethod;
        private const string ChangedColumns = LeadSignup.ColumnList + "," + LeadColumns.EmailAddress1;

        public LeadAdoptionPlugin() : base(typeof(LeadAdoptionPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            DateTime now = context.OperationTime();
            var before = context.OptionalPreImage(PreImage);
            var after = context.OptionalPostImage(PostImage);
            if (context.MessageName == MessageNames.Delete) after = null;
            var requests = LeadChanges.Between(LeadSignup.Of(before, context.PrimaryEntityId, now), LeadSignup.Of(after, context.PrimaryEntityId, now),
                context.PrimaryEntityId, LinkedAccount(before), LinkedAccount(after), now);
            if (requests.Count == 0) { localContext.Trace("Nothing an adopter shows changed."); return; }

            var service = localContext.SystemUserService;
            object shared;
            AdoptionSettings settings = context.SharedVariables.TryGetValue(SharedVariableNames.Settings, out shared) ? SettingsText.Read(shared as string) : null;
            settings = settings ?? SettingsReader.ReadActive(service);
            var delivery = new SignupDelivery(service, context.IsInTransaction, now, m => localContext.Trace(m));
            foreach (var request in requests)
            {
                request.Settings = settings;
                localContext.Trace((request.Entry == null ? "Removing lead from " : "Setting lead for ") + request.Email + " at " + request.Domain);
                delivery.Deliver(request);
            }
        }

        // The account linking found by the domain (not a hand-set one): a new company row starts in it.
        private static Guid? LinkedAccount(Entity lead)
        {
            if (lead == null) return null;
            var method = lead.GetAttributeValue<OptionSetValue>(LeadColumns.MatchMethod);
            var account = lead.GetAttributeValue<EntityReference>(LeadColumns.ParentAccountId);
            if (account == null || method == null || method.Value == (int)MatchMethod.Manual || method.Value == (int)MatchMethod.None) return null;
            return account.Id;
        }
    }
}
