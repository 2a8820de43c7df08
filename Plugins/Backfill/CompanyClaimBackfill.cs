using System;
using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Backfill
{
    /// <summary>
    /// Backfill phase after the rebuild: each company follows the winning claim of its domain (CompanyLinking.Relink,
    /// what AccountDomainChangePlugin does when a domain row is saved after install). The rebuild makes a missing
    /// company without an account; domain rows that existed before install never fired that step, and the ones
    /// the backfill made fire it asynchronously, at a time nobody controls. Doing it here, in company order, makes
    /// the outcome the same whatever order the platform runs those jobs in (a company already with its account
    /// is left alone, so a late job finds nothing to do).
    /// </summary>
    public sealed class CompanyClaimBackfill
    {
        public const int PageSize = 250;
        private readonly IOrganizationService _service;
        private readonly Action<string> _trace;

        public CompanyClaimBackfill(IOrganizationService service, Action<string> trace)
        {
            _service = service;
            _trace = trace ?? (_ => { });
        }

        /// <param name="after">The last company domain done ("" at the start).</param>
        /// <returns>The last company domain done, or null when no company is left.</returns>
        public string Run(string after, BackfillProgress progress)
        {
            var query = new QueryExpression(CompanyColumns.EntityName) { ColumnSet = new ColumnSet(CompanyColumns.Name), TopCount = PageSize };
            if (after.Length > 0) query.Criteria.AddCondition(CompanyColumns.Name, ConditionOperator.GreaterThan, after);
            query.AddOrder(CompanyColumns.Name, OrderType.Ascending);
            var companies = _service.RetrieveMultiple(query).Entities;
            var linking = new CompanyLinking(_service, _trace);
            foreach (var company in companies) linking.Relink(company.GetAttributeValue<string>(CompanyColumns.Name));
            if (companies.Count < PageSize) return null;
            return companies[companies.Count - 1].GetAttributeValue<string>(CompanyColumns.Name);
        }
    }
}
