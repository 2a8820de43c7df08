using System;
using System.Collections.Generic;
using AdoptionCrm.Plugins.EmailDomains;
using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Backfill
{
    /// <summary>
    /// Backfill phase 3: links each existing lead as LeadLinkingPlugin links a lead saved after install, with the
    /// same reads (SettingsReader.ReadWithRules, LeadLinker's claims query; asked once per page, ClaimPrefetch) and the same writer (LeadMatchWriter, only changed
    /// columns). A lead whose account was set before install (no match method yet: nobody but a person or an
    /// integration set it), or whose match method is Manual, keeps its account (Manual), as a caller-set
    /// parentaccountid is kept on Create. A lead already linked the same way is not written, so a second run
    /// writes nothing. The Update sends the match method with the account, which is how the engine's own moves
    /// tell LeadLinkingPlugin that a person did not set it; the asynchronous LeadAdoptionPlugin then counts the
    /// lead's signup for its person and company, as for any lead whose email domain becomes known.
    /// </summary>
    public sealed class LeadLinkBackfill
    {
        public const int PageSize = 500;

        private static readonly string[] Columns =
        {
            LeadColumns.EmailAddress1, LeadColumns.ParentAccountId, LeadColumns.NormalizedEmail, LeadColumns.EmailDomain,
            LeadColumns.MatchOutcome, LeadColumns.MatchMethod, LeadColumns.MatchExplanation,
        };

        private readonly IOrganizationService _service;
        private readonly Action<string> _trace;

        public LeadLinkBackfill(IOrganizationService service, Action<string> trace)
        {
            _service = service;
            _trace = trace ?? (_ => { });
        }

        /// <returns>The last lead id done, or null when no lead is left.</returns>
        public Guid? Run(Guid after, BackfillProgress progress)
        {
            var query = new QueryExpression(LeadColumns.EntityName) { ColumnSet = new ColumnSet(Columns), TopCount = PageSize };
            if (after != Guid.Empty) query.Criteria.AddCondition(LeadColumns.Id, ConditionOperator.GreaterThan, after);
            query.AddOrder(LeadColumns.Id, OrderType.Ascending);
            var leads = _service.RetrieveMultiple(query).Entities;
            // One settings-and-rules read per email host and one claims read per page, where a signup reads both
            // per lead: the same queries, asked once for the whole page (a page is well inside one execution).
            var settings = new Dictionary<string, KeyValuePair<AdoptionSettings, IList<ExclusionRule>>>(StringComparer.Ordinal);
            var names = new List<string>();
            foreach (var lead in leads)
            {
                string email = lead.GetAttributeValue<string>(LeadColumns.EmailAddress1);
                var host = SettingsFor(email, settings);
                names.AddRange(new LeadLinker(_service, host.Key, _trace).ClaimNames(email, host.Value));
            }
            var claims = new ClaimPrefetch(_service, names);
            foreach (var lead in leads)
            {
                progress.Add(BackfillRunColumns.LeadsRead);
                var update = Link(lead, settings, claims);
                if (KeepsAccount(lead)) progress.Add(BackfillRunColumns.ManualKept);
                if (update.Attributes.Count == 0) continue;
                if (update.Contains(LeadColumns.ParentAccountId) && update.GetAttributeValue<EntityReference>(LeadColumns.ParentAccountId) != null)
                    progress.Add(BackfillRunColumns.LeadsLinked);
                _service.Update(update);
            }
            if (leads.Count < PageSize) return null;
            return leads[leads.Count - 1].Id;
        }

        /// <summary>The columns of the lead that its live linking would set now (empty when it is linked so already).</summary>
        private Entity Link(Entity lead, Dictionary<string, KeyValuePair<AdoptionSettings, IList<ExclusionRule>>> settings, ClaimPrefetch claims)
        {
            bool keepAccount = KeepsAccount(lead);
            string email = lead.GetAttributeValue<string>(LeadColumns.EmailAddress1);
            var host = SettingsFor(email, settings);
            var match = new LeadLinker(_service, host.Key, _trace, claims.Claims).Match(email, host.Value);
            var update = new Entity(LeadColumns.EntityName, lead.Id);
            LeadMatchWriter.Write(update, lead, match, keepAccount);
            // LeadLinkingPlugin reads a parentaccountid sent without a match method as a person's change (Manual).
            if (update.Contains(LeadColumns.ParentAccountId) && !update.Contains(LeadColumns.MatchMethod))
                update[LeadColumns.MatchMethod] = new OptionSetValue((int)match.Method);
            return update;
        }

        // What LeadLinkingPlugin reads for the email's host (SettingsReader.ReadWithRules), once per host.
        private KeyValuePair<AdoptionSettings, IList<ExclusionRule>> SettingsFor(string email, Dictionary<string, KeyValuePair<AdoptionSettings, IList<ExclusionRule>>> cache)
        {
            ParsedEmail parsed = EmailParser.Parse(email);
            string host = parsed.IsValid ? parsed.Host : null;
            KeyValuePair<AdoptionSettings, IList<ExclusionRule>> found;
            if (cache.TryGetValue(host ?? "", out found)) return found;
            IList<ExclusionRule> rules;
            var settings = SettingsReader.ReadWithRules(_service, host, out rules);
            return cache[host ?? ""] = new KeyValuePair<AdoptionSettings, IList<ExclusionRule>>(settings, rules);
        }

        /// <summary>Set before install (an account and no match method) or by hand later (Manual): the lead's account for good.</summary>
        public static bool KeepsAccount(Entity lead)
        {
            var method = lead.GetAttributeValue<OptionSetValue>(LeadColumns.MatchMethod);
            var account = lead.GetAttributeValue<EntityReference>(LeadColumns.ParentAccountId);
            return (method == null && account != null) || (method != null && method.Value == (int)MatchMethod.Manual);
        }
    }
}
