using System;
using System.Collections.Generic;
using System.Linq;
using AdoptionCrm.Plugins.EmailDomains;
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
            // A claim of the account on the domain or, for a subdomain company, on a parent of it already gives it the
            // company (the engine's own relinks land here too): no second row.
            var claims = AccountDomainLookup.Claims(_service, DomainCandidates.ForCompany(company.Domain));
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

        /// <summary>
        /// Points the company of <paramref name="domain"/>, and every company of a subdomain of it (they exist with
        /// subdomains kept apart), at the account their domain rows now give them.
        /// </summary>
        public void RelinkWithSubdomains(string domain)
        {
            Relink(domain);
            foreach (var subdomain in SubdomainCompanies(domain)) Relink(subdomain);
        }

        /// <summary>
        /// Points the company of <paramref name="domain"/> at the account its domain rows now give it (if the company
        /// exists): the winning claim among its own domain and, for a subdomain company (subdomains kept apart), its
        /// parents down to the registrable domain, most specific first, exactly as a lead of that host links.
        /// </summary>
        public void Relink(string domain)
        {
            Guid companyId = RowIds.Company(domain);
            var query = new QueryExpression(CompanyColumns.EntityName) { ColumnSet = new ColumnSet(CompanyColumns.AccountId), TopCount = 1 };
            query.Criteria.AddCondition(CompanyColumns.Id, ConditionOperator.Equal, companyId);
            var company = _service.RetrieveMultiple(query).Entities.FirstOrDefault();
            if (company == null) { _trace("No company has the domain " + domain + " yet."); return; }
            string decidedBy;
            var names = DomainCandidates.ForCompany(domain);
            DomainClaim winner = DomainClaimRanking.Pick(AccountDomainLookup.Claims(_service, names), names, out decidedBy);
            var current = company.GetAttributeValue<EntityReference>(CompanyColumns.AccountId);
            Guid? next = winner == null ? (Guid?)null : winner.Account.Id;
            if ((current == null ? (Guid?)null : current.Id) == next) return;
            _trace("Company " + domain + " moves to account " + (next?.ToString() ?? "none") + " (" + (decidedBy ?? "no claim left") + ").");
            _service.Update(new Entity(CompanyColumns.EntityName, companyId)
            {
                [CompanyColumns.AccountId] = next.HasValue ? new EntityReference(AccountColumns.EntityName, next.Value) : null,
            });
        }

        // Companies named *.domain: a leading-wildcard match is a scan of the company table, which is paid only when a
        // domain row changes (an admin's act), never per signup.
        private IEnumerable<string> SubdomainCompanies(string domain)
        {
            var query = new QueryExpression(CompanyColumns.EntityName)
            {
                ColumnSet = new ColumnSet(CompanyColumns.Name),
                PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 },
            };
            query.Criteria.AddCondition(CompanyColumns.Name, ConditionOperator.EndsWith, "." + domain);
            query.AddOrder(CompanyColumns.Id, OrderType.Ascending);
            var names = new List<string>();
            while (true)
            {
                var page = _service.RetrieveMultiple(query);
                names.AddRange(page.Entities.Select(c => c.GetAttributeValue<string>(CompanyColumns.Name)).Where(n => !string.IsNullOrEmpty(n)));
                if (!page.MoreRecords) return names;
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
        }
    }
}
