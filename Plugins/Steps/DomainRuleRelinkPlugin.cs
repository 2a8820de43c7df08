using System.Collections.Generic;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// A domain rule added, changed, deactivated or removed changes how existing leads at its domain are
    /// classified: the domain (old and new name) is queued on the active settings row (RelinkQueue), in the
    /// rule's own transaction so the change and the queue commit together; RelinkSweep links the leads again.
    /// </summary>
    [PluginStep(MessageNames.Create, DomainRuleColumns.EntityName, PipelineStage.PostOperation,
        Description = "Queue the new rule's domain for relinking its existing leads.")]
    [PluginStep(MessageNames.Update, DomainRuleColumns.EntityName, PipelineStage.PostOperation,
        FilteringAttributes = DomainRuleColumns.Name + "," + DomainRuleColumns.RuleType + "," + DomainRuleColumns.StateCode,
        PreImageName = PreImage, PreImageAttributes = DomainRuleColumns.Name, PostImageName = PostImage, PostImageAttributes = DomainRuleColumns.Name,
        Description = "Queue the changed rule's domains for relinking their existing leads.")]
    [PluginStep(MessageNames.Delete, DomainRuleColumns.EntityName, PipelineStage.PostOperation,
        PreImageName = PreImage, PreImageAttributes = DomainRuleColumns.Name,
        Description = "Queue the removed rule's domain for relinking its existing leads.")]
    public sealed class DomainRuleRelinkPlugin : PluginBase
    {
        private const string PreImage = "PreImage";
        private const string PostImage = "PostImage";

        public DomainRuleRelinkPlugin() : base(typeof(DomainRuleRelinkPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            var domains = new List<string>();
            foreach (var image in new[] { context.OptionalPreImage(PreImage), context.OptionalPostImage(PostImage) })
                if (image != null) domains.Add(image.GetAttributeValue<string>(DomainRuleColumns.Name));
            if (context.MessageName == MessageNames.Create) domains.Add(((Entity)context.InputParameters["Target"]).GetAttributeValue<string>(DomainRuleColumns.Name));
            RelinkQueue.Add(localContext.SystemUserService, domains, context.OperationTime());
            localContext.Trace("Queued for relinking: " + string.Join(", ", domains));
        }
    }
}
