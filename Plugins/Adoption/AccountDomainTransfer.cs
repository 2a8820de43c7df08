using System;
using System.Collections.Generic;
using System.Linq;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// What an account's own lifecycle does to the domains it claims:
    /// - merged into a master: its domain rows become the master's, so their companies (counts, adopters, leads)
    ///   follow through the domain step's relink; a domain the master already claims loses the duplicate row;
    /// - deactivated or reactivated: its claims stay (an inactive account keeps them, ranked below every active
    ///   one), and each of its domains is relinked, so an active rival takes the company while it is inactive and
    ///   it gets it back when reactivated; with no rival nothing moves;
    /// - deleted: the platform deletes its domain rows and clears the lookups to it (cascades); each domain that was
    ///   its own is relinked to the next claim, or to none.
    /// </summary>
    public sealed class AccountDomainTransfer
    {
        private readonly IOrganizationService _service;
        private readonly Action<string> _trace;

        public AccountDomainTransfer(IOrganizationService service, Action<string> trace)
        {
            _service = service;
            _trace = trace ?? (_ => { });
        }

        public IList<Entity> DomainRows(Guid accountId)
        {
            var query = new QueryExpression(AccountDomainColumns.EntityName) { ColumnSet = new ColumnSet(AccountDomainColumns.Name) };
            query.Criteria.AddCondition(AccountDomainColumns.AccountId, ConditionOperator.Equal, accountId);
            return _service.RetrieveMultiple(query).Entities;
        }

        public void MergeInto(Guid subordinateId, Guid masterId)
        {
            var masterNames = new HashSet<string>(DomainRows(masterId).Select(r => r.GetAttributeValue<string>(AccountDomainColumns.Name)));
            foreach (var row in DomainRows(subordinateId))
            {
                string name = row.GetAttributeValue<string>(AccountDomainColumns.Name);
                if (masterNames.Contains(name)) { _service.Delete(AccountDomainColumns.EntityName, row.Id); continue; }
                _service.Update(new Entity(AccountDomainColumns.EntityName, row.Id) { [AccountDomainColumns.AccountId] = new EntityReference(AccountColumns.EntityName, masterId) });
                _trace("Domain " + name + " moves with the merge from account " + subordinateId + " to " + masterId + ".");
            }
        }

        public void Relink(IEnumerable<string> domains)
        {
            var linking = new CompanyLinking(_service, _trace);
            foreach (var name in domains.Where(n => !string.IsNullOrEmpty(n)).Distinct()) linking.RelinkWithSubdomains(name);
        }
    }
}
