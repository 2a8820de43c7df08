using System.Linq;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// An account domain added, removed or changed: the company of that domain, and those of its subdomains (with
    /// subdomains kept apart each host is a company), follow their winning claims, which
    /// moves its counts (under the locks) and then its adopters and leads. Asynchronous: a domain move is never
    /// part of the transaction of whoever edited the domain row.
    /// </summary>
    [PluginStep(MessageNames.Create, AccountDomainColumns.EntityName, PipelineStage.PostOperation, Mode = StepMode.Asynchronous,
        PostImageName = PostImage, PostImageAttributes = AccountDomainColumns.Name,
        Description = "Move the company of a newly claimed domain to its account.")]
    [PluginStep(MessageNames.Update, AccountDomainColumns.EntityName, PipelineStage.PostOperation, Mode = StepMode.Asynchronous,
        FilteringAttributes = ChangedColumns, PreImageName = PreImage, PreImageAttributes = AccountDomainColumns.Name,
        PostImageName = PostImage, PostImageAttributes = AccountDomainColumns.Name,
        Description = "Move the companies of a changed domain row.")]
    [PluginStep(MessageNames.Delete, AccountDomainColumns.EntityName, PipelineStage.PostOperation, Mode = StepMode.Asynchronous,
        PreImageName = PreImage, PreImageAttributes = AccountDomainColumns.Name,
        Description = "Move the company of a removed domain.")]
    public sealed class AccountDomainChangePlugin : PluginBase
    {
        private const string PreImage = "PreImage";
        private const string PostImage = "PostImage";
        private const string ChangedColumns = AccountDomainColumns.Name + "," + AccountDomainColumns.AccountId + "," + AccountDomainColumns.IsPrimary + ","
            + AccountDomainColumns.Source + "," + DomainRuleColumns.StateCode;

        public AccountDomainChangePlugin() : base(typeof(AccountDomainChangePlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            var pre = context.OptionalPreImage(PreImage);
            var post = context.OptionalPostImage(PostImage);
            var names = new[] { pre, post }.Where(i => i != null).Select(i => i.GetAttributeValue<string>(AccountDomainColumns.Name))
                .Where(n => !string.IsNullOrEmpty(n)).Distinct().ToList();
            var linking = new CompanyLinking(localContext.SystemUserService, m => localContext.Trace(m));
            foreach (var name in names) linking.RelinkWithSubdomains(name);
        }
    }
}
