using System.Linq;
using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// An account deactivated, reactivated or merged (a merged account is deactivated with its masterid set). Which
    /// steps these fire is not documented (R5): registered on the documented Update of statecode and on
    /// SetStateDynamicEntity, and it reads the account as it is when the job runs, so any number of deliveries, in
    /// any order, end in the same place (AccountDomainTransfer). Asynchronous: a merge can move many rows.
    /// </summary>
    [PluginStep(MessageNames.Update, AccountColumns.EntityName, PipelineStage.PostOperation, Mode = StepMode.Asynchronous,
        FilteringAttributes = AccountColumns.StateCode, Description = "Follow an account's deactivation, reactivation or merge in its domains.")]
    [PluginStep(MessageNames.SetStateDynamicEntity, AccountColumns.EntityName, PipelineStage.PostOperation, Mode = StepMode.Asynchronous,
        Description = "Follow an account's deactivation, reactivation or merge in its domains.")]
    public sealed class AccountStatePlugin : PluginBase
    {
        public AccountStatePlugin() : base(typeof(AccountStatePlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            var service = localContext.SystemUserService;
            var account = service.Retrieve(AccountColumns.EntityName, context.PrimaryEntityId, new ColumnSet(AccountColumns.StateCode, AccountColumns.MasterId));
            var master = account.GetAttributeValue<EntityReference>(AccountColumns.MasterId);
            bool active = (account.GetAttributeValue<OptionSetValue>(AccountColumns.StateCode)?.Value ?? 0) == 0;
            var transfer = new AccountDomainTransfer(service, m => localContext.Trace(m));
            if (!active && master != null) { transfer.MergeInto(account.Id, master.Id); return; }
            transfer.Relink(transfer.DomainRows(account.Id).Select(r => r.GetAttributeValue<string>(AccountDomainColumns.Name)));
        }
    }
}
