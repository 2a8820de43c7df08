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
    /// A company's engine step: runs inside the Update (or Create) that carries a request in adopt_pendingchange,
    /// or that sets adopt_accountid (a person linking the company to an account, or a domain row moving it).
    /// That write holds the company's row lock until commit (learn.microsoft.com/power-apps/developer/data-platform/scalable-customization-design/transaction-design-patterns),
    /// and the post-image is taken after it, so the buckets read from the image are the company's under the lock.
    /// A rebuild request is the rebuild's own lock: the rebuild does the work itself. A plan (an optimistic signup,
    /// SignupDelivery) is applied as planned: the Update wrote the company, the step writes the adopter, uncounts the people
    /// whose days left the window, and writes the account.
    /// </summary>
    [PluginStep(MessageNames.Create, CompanyColumns.EntityName, PipelineStage.PostOperation,
        PostImageName = PostImage, PostImageAttributes = CompanyState.ImageColumns,
        Description = "Apply the first signup of a new company.")]
    [PluginStep(MessageNames.Update, CompanyColumns.EntityName, PipelineStage.PostOperation,
        FilteringAttributes = CompanyColumns.PendingChange + "," + CompanyColumns.AccountId, PostImageName = PostImage, PostImageAttributes = CompanyState.ImageColumns,
        Description = "Apply a signup change to the company under its lock; move the company when its account changes.")]
    public sealed class CompanyAdoptionPlugin : PluginBase
    {
        private const string PostImage = "PostImage";

        public CompanyAdoptionPlugin() : base(typeof(CompanyAdoptionPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            var target = (Entity)context.InputParameters["Target"];
            var image = context.RequiredPostImage(PostImage, "company");
            CompanyRequest request = null;
            if (target.Contains(CompanyColumns.PendingChange))
            {
                var pending = HandoverText.ReadPending(target.GetAttributeValue<string>(CompanyColumns.PendingChange));
                // The company's columns are already written by this Update: a plan that cannot be read fails it, so it
                // rolls back and the signup's step takes the company's lock instead (SignupDelivery).
                if (pending.IsUnreadablePlan)
                    throw new InvalidPluginExecutionException("The company's planned signup could not be read; the signup goes through the company's lock instead.");
                SignupPlan plan = pending.Plan;
                if (plan != null)
                {
                    // An optimistic signup (SignupDelivery): the Update itself wrote the company's columns against its
                    // version; its adopter and account writes go in this same transaction.
                    new SignupPlanWrites(localContext.SystemUserService, new RequestSender(localContext.SystemUserService, context.IsInTransaction), m => localContext.Trace(m)).Apply(plan, target.Id);
                    return;
                }
                request = pending.Request;
                if (request == null) { localContext.Trace("adopt_pendingchange holds no request the engine can read; nothing to do."); if (!target.Contains(CompanyColumns.AccountId)) return; }
                else if (request.Kind == CompanyRequestKind.Rebuild) { localContext.Trace("Locked for a rebuild."); return; }
            }
            DateTime now = context.OperationTime();
            var service = localContext.SystemUserService;
            AdoptionSettings settings = request != null && request.Settings != null ? request.Settings : SettingsReader.ReadActive(service);
            if (target.Contains(CompanyColumns.AccountId) && context.MessageName == MessageNames.Update && request == null)
                new CompanyLinking(service, m => localContext.Trace(m)).AddDomain(new CompanyState(image));
            new CompanyRecompute(service, new RequestSender(service, context.IsInTransaction), settings, now, m => localContext.Trace(m))
                .Apply(new CompanyState(image), request);
        }
    }
}
