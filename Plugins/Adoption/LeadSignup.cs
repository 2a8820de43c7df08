using System;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// Where a lead counts, and as what: a lead counts for the person (its normalised email) at the company
    /// (its company domain) while linking found a company email (outcome Linked, Account created or
    /// Unmatched) and it is not disqualified. Free-mail, disposable, own, role and invalid emails count
    /// nowhere. The lead's parentaccountid plays no part: a person belongs to their company, and the
    /// company to its account, even when a rep moved one lead by hand.
    /// </summary>
    public sealed class LeadSignup
    {
        private LeadSignup(string email, string domain, SignupEntry entry)
        {
            Email = email;
            Domain = domain;
            Entry = entry;
        }

        public string Email { get; private set; }
        public string Domain { get; private set; }
        public SignupEntry Entry { get; private set; }

        /// <summary>The columns of a lead this needs (images and rebuild reads hold exactly these).</summary>
        public static readonly string[] Columns =
        {
            LeadColumns.NormalizedEmail, LeadColumns.EmailDomain, LeadColumns.MatchOutcome, LeadColumns.StateCode, LeadColumns.CreatedOn, LeadColumns.OverriddenCreatedOn,
            LeadColumns.Usage, LeadColumns.Invitations, LeadColumns.FirstName, LeadColumns.LastName, LeadColumns.JobTitle,
        };

        public const string ColumnList = LeadColumns.NormalizedEmail + "," + LeadColumns.EmailDomain + "," + LeadColumns.MatchOutcome + ","
            + LeadColumns.StateCode + "," + LeadColumns.CreatedOn + "," + LeadColumns.OverriddenCreatedOn + "," + LeadColumns.Usage + "," + LeadColumns.Invitations + ","
            + LeadColumns.FirstName + "," + LeadColumns.LastName + "," + LeadColumns.JobTitle;

        /// <summary>The lead's signup, or null when it counts nowhere.</summary>
        public static LeadSignup Of(Entity lead, Guid leadId, DateTime fallbackSignupUtc)
        {
            if (lead == null) return null;
            string email = lead.GetAttributeValue<string>(LeadColumns.NormalizedEmail);
            string domain = lead.GetAttributeValue<string>(LeadColumns.EmailDomain);
            var outcome = lead.GetAttributeValue<OptionSetValue>(LeadColumns.MatchOutcome);
            var state = lead.GetAttributeValue<OptionSetValue>(LeadColumns.StateCode);
            if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(domain) || outcome == null || !IsCompanyOutcome(outcome.Value)) return null;
            if (state != null && state.Value == LeadColumns.StateDisqualified) return null;
            DateTime signedUp = SignedUpOn(lead) ?? fallbackSignupUtc;
            string name = ((lead.GetAttributeValue<string>(LeadColumns.FirstName) ?? "") + " " + (lead.GetAttributeValue<string>(LeadColumns.LastName) ?? "")).Trim();
            var entry = new SignupEntry(leadId, DateTime.SpecifyKind(signedUp, DateTimeKind.Utc),
                Math.Max(0, lead.GetAttributeValue<int?>(LeadColumns.Usage) ?? 0), Math.Max(0, lead.GetAttributeValue<int?>(LeadColumns.Invitations) ?? 0),
                Clip(name, AdopterColumns.NameMaxLength), Clip(lead.GetAttributeValue<string>(LeadColumns.JobTitle), AdopterColumns.JobTitleMaxLength));
            return new LeadSignup(email, domain, entry);
        }

        /// <summary>
        /// When the signup happened: its createdon, or the overriddencreatedon an import of historical records set
        /// (R11), whichever is earlier. The docs say imports set createdon through overriddencreatedon but not which
        /// column then holds the import's own moment; the earlier of the two is the historical date either way.
        /// </summary>
        public static DateTime? SignedUpOn(Entity lead)
        {
            var created = lead.GetAttributeValue<DateTime?>(LeadColumns.CreatedOn);
            var overridden = lead.GetAttributeValue<DateTime?>(LeadColumns.OverriddenCreatedOn);
            if (created == null) return overridden;
            if (overridden == null) return created;
            return overridden.Value < created.Value ? overridden : created;
        }

        public bool SamePerson(LeadSignup other) => other != null && other.Email == Email && other.Domain == Domain;

        private static bool IsCompanyOutcome(int outcome) =>
            outcome == (int)MatchOutcome.Linked || outcome == (int)MatchOutcome.AccountCreated || outcome == (int)MatchOutcome.Unmatched;

        private static string Clip(string text, int max) => text == null || text.Length <= max ? text : text.Substring(0, max);
    }
}
