using System;
using System.Linq;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Linking
{
    /// <summary>Writes the website-derived domain rows of one account (only what changed).</summary>
    public sealed class AccountDomainSync
    {
        private readonly IOrganizationService _service;
        private readonly Action<string> _trace;

        public AccountDomainSync(IOrganizationService service, Action<string> trace)
        {
            _service = service;
            _trace = trace ?? (_ => { });
        }

        /// <returns>Whether a domain row for <paramref name="newDomain"/> was created (false: it had one, or there is none to add).</returns>
        public bool ReplaceWebsiteDomain(Guid accountId, string oldDomain, string newDomain, DomainSource source)
        {
            var query = new QueryExpression(AccountDomainColumns.EntityName) { ColumnSet = new ColumnSet(AccountDomainColumns.Name, AccountDomainColumns.Source) };
            query.Criteria.AddCondition(AccountDomainColumns.AccountId, ConditionOperator.Equal, accountId);
            var names = new[] { oldDomain, newDomain }.Where(n => n != null).Cast<object>().ToArray();
            if (names.Length == 0) return false;
            query.Criteria.AddCondition(AccountDomainColumns.Name, ConditionOperator.In, names);
            var rows = _service.RetrieveMultiple(query).Entities;

            // The old website's row goes only if the website put it there; a manual row for it stays.
            foreach (var row in rows.Where(r => r.GetAttributeValue<string>(AccountDomainColumns.Name) == oldDomain && IsDerived(r)))
            {
                _service.Delete(AccountDomainColumns.EntityName, row.Id);
                _trace("Removed website domain " + oldDomain + " from account " + accountId);
            }
            if (newDomain == null || rows.Any(r => r.GetAttributeValue<string>(AccountDomainColumns.Name) == newDomain)) return false;
            var domainRow = new Entity(AccountDomainColumns.EntityName);
            domainRow[AccountDomainColumns.Name] = newDomain;
            domainRow[AccountDomainColumns.AccountId] = new EntityReference(AccountColumns.EntityName, accountId);
            domainRow[AccountDomainColumns.Source] = new OptionSetValue((int)source);
            domainRow[AccountDomainColumns.IsPrimary] = false;
            _service.Create(domainRow);
            _trace("Added " + source + " domain " + newDomain + " to account " + accountId);
            return true;
        }

        private static bool IsDerived(Entity row)
        {
            var source = row.GetAttributeValue<OptionSetValue>(AccountDomainColumns.Source);
            return source != null && (source.Value == (int)DomainSource.Website || source.Value == (int)DomainSource.AutoCreated);
        }
    }
}
