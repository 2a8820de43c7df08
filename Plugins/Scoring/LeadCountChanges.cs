using System;
using System.Collections.Generic;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Scoring
{
    /// <summary>
    /// Compares where a lead counted before and after a change: the removals (old account) and
    /// additions (new account) to apply. Nothing when what counts did not change.
    /// </summary>
    public static class LeadCountChanges
    {
        public static IList<SignupChange> Between(Entity before, Entity after, Guid leadId, DateTime nowUtc)
        {
            var changes = new List<SignupChange>();
            var was = Counted(before);
            var now = Counted(after);
            if (was != null && now != null && was.AccountId == now.AccountId && was.Email == now.Email
                && was.Usage == now.Usage && was.Invitations == now.Invitations) return changes;
            if (was != null)
                changes.Add(new SignupChange(was.AccountId, leadId, was.Email, CreatedOn(before, nowUtc), was.Usage, was.Invitations, adding: false));
            if (now != null)
                changes.Add(new SignupChange(now.AccountId, leadId, now.Email, CreatedOn(after, CreatedOn(before, nowUtc)), now.Usage, now.Invitations, adding: true));
            return changes;
        }

        private static DateTime CreatedOn(Entity lead, DateTime fallback)
        {
            var value = lead == null ? null : lead.GetAttributeValue<DateTime?>(LeadColumns.CreatedOn);
            return value ?? fallback;
        }

        private sealed class CountedLead
        {
            public Guid AccountId;
            public string Email;
            public long Usage;
            public long Invitations;
        }

        private static CountedLead Counted(Entity lead)
        {
            if (lead == null) return null;
            var account = lead.GetAttributeValue<EntityReference>(LeadColumns.ParentAccountId);
            string email = lead.GetAttributeValue<string>(LeadColumns.NormalizedEmail);
            var state = lead.GetAttributeValue<OptionSetValue>(LeadColumns.StateCode);
            if (account == null || string.IsNullOrEmpty(email) || (state != null && state.Value == LeadColumns.StateDisqualified)) return null;
            return new CountedLead
            {
                AccountId = account.Id,
                Email = email,
                Usage = lead.GetAttributeValue<int?>(LeadColumns.Usage) ?? 0,
                Invitations = lead.GetAttributeValue<int?>(LeadColumns.Invitations) ?? 0,
            };
        }
    }
}
