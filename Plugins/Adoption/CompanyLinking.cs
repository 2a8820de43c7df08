using System;
using System.Linq;
using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// Keeps a company's account and the domain rows in agreement, both ways:
    /// - A person links a company to an account (sets its Account): the domain is added to that account as its
    ///   primary, hand-made (Manual) domain row, so later signups of the domain link there too.
    /// - A domain row is added, changed or removed: the company of that domain follows the winning claim
    ///   (DomainClaimRanking), which moves it, its adopters and its leads.
    /// </summary>
    public sealed class CompanyLinking
    {
        private readonly IOrganizationService _service;
        private readonly Action<string> _trace;

        public CompanyLinking(IOrganizationService service, Action<string> trace)
        {
            _service = service;
            _trace = trace ?? (_ => { });
        }

        public void AddDomain(CompanyState company)
        {
            if (company.AccountId == null || string.IsNullOrEmpty(company.Domain)) return;
            var claims = AccountDomainLookup.Claims(_service, new[] { company.Domain });
            if (claims.Any(c => c.Account.Id == company.AccountId.Value)) return;
            _service.Create(new Entity(AccountDomainColumns.EntityName)
            {
                [AccountDomainColumns.Name] = company.Domain,
                [AccountDomainColumns.AccountId] = new EntityReference(AccountColumns.EntityName, company.AccountId.Value),
                [AccountDomainColumns.Source] = new OptionSetValue((int)DomainSource.Manual),
                [AccountDomainColumns.IsPrimary] = true,
            });
            _trace("Added the domain " + company.Domain + " to account " + company.AccountId + ".");
        }

        /// <summary>Points the company of <paramref name="domain"/> at the account its domain rows now give it (if the company exists).</summary>
        public void Relink(string domain)
        {
            Guid companyId = RowIds.Company(domain);
            var query = new QueryExpression(CompanyColumns.EntityName) { ColumnSet = new ColumnSet(CompanyColumns.AccountId), TopCount = 1 };
            query.Criteria.AddCondition(CompanyColumns.Id, ConditionOperator.Equal, companyId);
            var company = _service.RetrieveMultiple(query).Entities.FirstOrDefault();
            if (company == null) { _trace("No company has the domain " + domain + " yet."); return; }
            string decidedBy;
            var names = new[] { domain };
            DomainClaim winner = DomainClaimRanking.Pick(AccountDomainLookup.Claims(_service, names), names, out decidedBy);
            var current = company.GetAttributeValue<EntityReference>(CompanyColumns.AccountId);
            Guid? next = winner == null ? (Guid?)null : winner.Account.Id;
            if ((current == null ? (Guid?)null : current.Id) == next) return;
            _trace("Company " + domain + " moves to account " + (next?.ToString() ?? "none") + " (" + decidedBy + ").");
            _service.Update(new Entity(CompanyColumns.EntityName, companyId)
            {
                [CompanyColumns.AccountId] = next.HasValue ? new EntityReference(AccountColumns.EntityName, next.Value) : null,
            });
        }
    }
}
