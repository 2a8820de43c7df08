using System;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Linking
{
    /// <summary>
    /// Matches the leads of one email domain again by re-saving their email: the lead's own linking
    /// and scoring steps then move each lead and rescore the old and the new account. At most
    /// MaxLeadsPerChange per execution (the 2-minute plug-in limit); beyond that the trace says so
    /// and the backfill finishes the job.
    /// </summary>
    public sealed class LeadRelinker
    {
        public const int MaxLeadsPerChange = 250;
        private readonly IOrganizationService _service;
        private readonly Action<string> _trace;

        public LeadRelinker(IOrganizationService service, Action<string> trace)
        {
            _service = service;
            _trace = trace ?? (_ => { });
        }

        public int RelinkDomain(string domain)
        {
            var query = new QueryExpression(LeadColumns.EntityName) { ColumnSet = new ColumnSet(LeadColumns.EmailAddress1), TopCount = MaxLeadsPerChange + 1 };
            query.Criteria.AddCondition(LeadColumns.EmailDomain, ConditionOperator.Equal, domain);
            query.AddOrder(LeadColumns.CreatedOn, OrderType.Descending);
            var leads = _service.RetrieveMultiple(query).Entities;
            int count = 0;
            foreach (var lead in leads)
            {
                if (count == MaxLeadsPerChange)
                {
                    _trace("More than " + MaxLeadsPerChange + " leads use " + domain + "; the newest were matched again, run the backfill for the rest.");
                    break;
                }
                var touch = new Entity(LeadColumns.EntityName, lead.Id);
                touch[LeadColumns.EmailAddress1] = lead.GetAttributeValue<string>(LeadColumns.EmailAddress1);
                _service.Update(touch);
                count++;
            }
            _trace("Matched " + count + " lead(s) of " + domain + " again.");
            return count;
        }
    }
}
