using System;
using System.Collections.Generic;
using System.Linq;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Linking
{
    /// <summary>
    /// Domains whose existing leads must be linked again because sales ops changed what decides them (a domain
    /// rule added, changed or removed; an own domain added or removed). The queue is two columns of the active
    /// settings row: adopt_relinkdomains (the domains) and adopt_relinksince (when the latest change was made).
    /// A lead at a queued domain last modified before that time has not been linked under the change yet;
    /// linking it again (RelinkSweep) modifies it, so the sweep's progress needs no cursor and a repeated
    /// batch does nothing twice. Two changes at once can race on the row's read; the later one's time wins,
    /// which only relinks more leads, never fewer domains (both writers keep what they read).
    /// </summary>
    public static class RelinkQueue
    {
        public static readonly string[] Columns = { AdoptionSettingsColumns.RelinkDomains, AdoptionSettingsColumns.RelinkSince };

        /// <summary>The queue entry for every lead (an exclusion switch changed).</summary>
        public const string AllDomains = "*";

        public static IReadOnlyList<string> Domains(Entity settingsRow) => Parse(settingsRow.GetAttributeValue<string>(AdoptionSettingsColumns.RelinkDomains));

        public static IReadOnlyList<string> Parse(string text) =>
            Setting.SplitList(text).Select(d => d.StartsWith("*.", StringComparison.Ordinal) ? d.Substring(2) : d).Distinct(StringComparer.Ordinal).OrderBy(d => d, StringComparer.Ordinal).ToList();

        /// <summary>The queue's columns with <paramref name="domains"/> added, set on <paramref name="write"/> (an Update, or a PreOperation Target).</summary>
        public static void AddTo(Entity current, Entity write, IEnumerable<string> domains, DateTime nowUtc)
        {
            var all = Domains(current).Concat(domains.Where(d => !string.IsNullOrEmpty(d)).Select(d => d.StartsWith("*.", StringComparison.Ordinal) ? d.Substring(2) : d))
                .Distinct(StringComparer.Ordinal).OrderBy(d => d, StringComparer.Ordinal).ToList();
            if (all.Count == 0) return;
            write[AdoptionSettingsColumns.RelinkDomains] = string.Join("\n", all);
            write[AdoptionSettingsColumns.RelinkSince] = nowUtc;
        }

        /// <summary>Queues domains on the active settings row (nothing when there is none: then no rule and no own domain exists).</summary>
        public static void Add(IOrganizationService service, IEnumerable<string> domains, DateTime nowUtc)
        {
            var row = ActiveRow(service);
            if (row == null) return;
            var update = new Entity(AdoptionSettingsColumns.EntityName, row.Id);
            AddTo(row, update, domains, nowUtc);
            if (update.Attributes.Count > 0) service.Update(update);
        }

        /// <summary>The active settings row with the queue's columns, or null.</summary>
        public static Entity ActiveRow(IOrganizationService service)
        {
            var query = new QueryExpression(AdoptionSettingsColumns.EntityName) { ColumnSet = new ColumnSet(Columns), TopCount = 1 };
            query.Criteria.AddCondition(AdoptionSettingsColumns.IsActive, ConditionOperator.Equal, true);
            query.AddOrder(AdoptionSettingsColumns.CreatedOn, OrderType.Ascending);
            var rows = service.RetrieveMultiple(query).Entities;
            return rows.Count == 0 ? null : rows[0];
        }
    }
}
