using System;
using System.Collections.Generic;
using AdoptionCrm.Plugins.Domain;
using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Backfill
{
    /// <summary>
    /// Backfill phase 3: links each existing lead as LeadLinkingPlugin links a lead saved after install, with the
    /// same reads (SettingsReader.ReadWithRules, LeadLinker) and the same writer (LeadMatchWriter, only changed
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
            foreach (var lead in leads)
            {
                progress.Add(BackfillRunColumns.LeadsRead);
                var update = Link(lead);
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
        public Entity Link(Entity lead)
        {
            bool keepAccount = KeepsAccount(lead);
            string email = lead.GetAttributeValue<string>(LeadColumns.EmailAddress1);
            ParsedEmail parsed = EmailParser.Parse(email);
            IList<ExclusionRule> rules;
            var settings = SettingsReader.ReadWithRules(_service, parsed.IsValid ? parsed.Host : null, out rules);
            var match = new LeadLinker(_service, settings, _trace).Match(email, rules);
            var update = new Entity(LeadColumns.EntityName, lead.Id);
            LeadMatchWriter.Write(update, lead, match, keepAccount);
            // LeadLinkingPlugin reads a parentaccountid sent without a match method as a person's change (Manual).
            if (update.Contains(LeadColumns.ParentAccountId) && !update.Contains(LeadColumns.MatchMethod))
                update[LeadColumns.MatchMethod] = new OptionSetValue((int)match.Method);
            return update;
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
