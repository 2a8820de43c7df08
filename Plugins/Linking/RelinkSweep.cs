using System;
using System.Linq;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Linking
{
    /// <summary>
    /// One bounded batch of the relink queue (RelinkQueue): up to <see cref="Batch"/> leads at a queued domain
    /// (the domain itself or a subdomain of it) not modified since the change are linked again, by an Update of
    /// their email with its own value (every lead when the queue holds "*", after an exclusion switch changed): the linking step runs on an email in the Target, classifies the lead under
    /// the rules and own domains now in force, and the adoption step moves it in or out of its company, as for
    /// any email change. When a batch comes back short the queue is emptied. Run right after a change (an
    /// asynchronous step) and by the daily recompute flow, which goes on until the queue is empty, however large.
    /// </summary>
    public static class RelinkSweep
    {
        public const int Batch = 250;

        /// <summary>Leads linked again in this batch; <paramref name="done"/> when the queue is now empty.</summary>
        public static int RunBatch(IOrganizationService service, Action<string> trace, out bool done)
        {
            done = true;
            var row = RelinkQueue.ActiveRow(service);
            if (row == null) return 0;
            var domains = RelinkQueue.Domains(row);
            DateTime? since = row.GetAttributeValue<DateTime?>(AdoptionSettingsColumns.RelinkSince);
            if (domains.Count == 0 || since == null) return 0;

            var query = new QueryExpression(LeadColumns.EntityName) { ColumnSet = new ColumnSet(LeadColumns.EmailAddress1), TopCount = Batch };
            query.Criteria.AddCondition(LeadColumns.ModifiedOn, ConditionOperator.LessThan, since.Value);
            query.Criteria.AddCondition(LeadColumns.EmailAddress1, ConditionOperator.NotNull);
            if (!domains.Contains(RelinkQueue.AllDomains))
            {
                var where = new FilterExpression(LogicalOperator.Or);
                where.AddCondition(LeadColumns.EmailDomain, ConditionOperator.In, domains.Cast<object>().ToArray());
                foreach (string domain in domains) where.AddCondition(LeadColumns.EmailDomain, ConditionOperator.EndsWith, "." + domain);
                query.Criteria.AddFilter(where);
            }
            query.AddOrder(LeadColumns.Id, OrderType.Ascending);
            var leads = service.RetrieveMultiple(query).Entities;
            foreach (var lead in leads)
                service.Update(new Entity(LeadColumns.EntityName, lead.Id) { [LeadColumns.EmailAddress1] = lead.GetAttributeValue<string>(LeadColumns.EmailAddress1) });
            done = leads.Count < Batch;
            if (done)
            {
                // Emptied only if no change came in meanwhile (its later time would be lost otherwise).
                var now = RelinkQueue.ActiveRow(service);
                if (now != null && now.Id == row.Id && now.GetAttributeValue<DateTime?>(AdoptionSettingsColumns.RelinkSince) == since)
                    service.Update(new Entity(AdoptionSettingsColumns.EntityName, row.Id) { [AdoptionSettingsColumns.RelinkDomains] = null, [AdoptionSettingsColumns.RelinkSince] = null });
                else done = false;
            }
            if (trace != null) trace("Relinked " + leads.Count + " lead(s) at " + string.Join(", ", domains) + (done ? "; the queue is empty." : "; more to do."));
            return leads.Count;
        }
    }
}
