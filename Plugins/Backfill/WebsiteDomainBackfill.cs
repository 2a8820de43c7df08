using System;
using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Backfill
{
    /// <summary>
    /// Backfill phase 1: the website domain row of each existing account, exactly as AccountWebsiteDomainPlugin
    /// makes it when an account is saved after install (WebsiteDomain, AccountDomainSync: source Website, or
    /// Auto-created for an account the engine made; nothing written when the account has the row already).
    /// One page of accounts, in id order, per batch.
    /// </summary>
    public sealed class WebsiteDomainBackfill
    {
        public const int PageSize = 500;
        private readonly IOrganizationService _service;
        private readonly AdoptionSettings _settings;
        private readonly Action<string> _trace;

        public WebsiteDomainBackfill(IOrganizationService service, AdoptionSettings settings, Action<string> trace)
        {
            _service = service;
            _settings = settings;
            _trace = trace ?? (_ => { });
        }

        /// <returns>The last account id done, or null when no account is left.</returns>
        public Guid? Run(Guid after, BackfillProgress progress)
        {
            var query = new QueryExpression(AccountColumns.EntityName) { ColumnSet = new ColumnSet(AccountColumns.WebsiteUrl, AccountColumns.AutoCreated), TopCount = PageSize };
            query.Criteria.AddCondition(AccountColumns.WebsiteUrl, ConditionOperator.NotNull);
            if (after != Guid.Empty) query.Criteria.AddCondition(AccountColumns.Id, ConditionOperator.GreaterThan, after);
            query.AddOrder(AccountColumns.Id, OrderType.Ascending);
            var accounts = _service.RetrieveMultiple(query).Entities;
            var sync = new AccountDomainSync(_service, _trace);
            foreach (var account in accounts)
            {
                progress.Add(BackfillRunColumns.AccountsRead);
                string domain = WebsiteDomain.Of(account.GetAttributeValue<string>(AccountColumns.WebsiteUrl), _settings.KeepSubdomainsApart);
                if (domain == null) continue;
                var source = account.GetAttributeValue<bool?>(AccountColumns.AutoCreated) == true ? DomainSource.AutoCreated : DomainSource.Website;
                if (sync.ReplaceWebsiteDomain(account.Id, null, domain, source)) progress.Add(BackfillRunColumns.DomainRowsMade);
            }
            if (accounts.Count < PageSize) return null;
            return accounts[accounts.Count - 1].Id;
        }
    }
}
