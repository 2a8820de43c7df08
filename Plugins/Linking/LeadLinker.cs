using System;
using System.Collections.Generic;
using AdoptionCrm.Plugins.EmailDomains;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Linking
{
    /// <summary>
    /// Decides a lead's account from its email: classify (exclusion layers, sales ops' rules, own
    /// domains), then look the company domain up in adopt_accountdomain (which also holds the domains
    /// of accounts' websites). An unknown company stays unlinked (its company row is the prospecting
    /// list; auto-creation is the company's decision, not the lead's). Never throws
    /// for bad input: every email gets an outcome and an explanation.
    /// </summary>
    public sealed class LeadLinker
    {
        private readonly IOrganizationService _service;
        private readonly AdoptionSettings _settings;
        private readonly Action<string> _trace;
        private readonly Func<IList<string>, IList<DomainClaim>> _claims;

        /// <param name="claims">Where the domain claims come from (default: one AccountDomainLookup query per match;
        /// the install backfill passes claims it read for a whole page of leads at once).</param>
        public LeadLinker(IOrganizationService service, AdoptionSettings settings, Action<string> trace, Func<IList<string>, IList<DomainClaim>> claims = null)
        {
            _service = service;
            _settings = settings;
            _trace = trace ?? (_ => { });
            _claims = claims ?? (names => AccountDomainLookup.Claims(_service, names));
        }

        /// <summary>The account-domain names <see cref="Match"/> looks up for an email (none when the email names no company).</summary>
        public IList<string> ClaimNames(string email, IList<ExclusionRule> rules)
        {
            ParsedEmail parsed = EmailParser.Parse(email);
            ExclusionResult result = SignupClassifier.Classify(email, _settings, rules);
            return result.IsCompany ? ClaimNames(parsed, result) : new List<string>();
        }

        private static IList<string> ClaimNames(ParsedEmail parsed, ExclusionResult result)
        {
            string registrable = DomainNormalizer.Default.Normalize(parsed.Host, false).Domain;
            return DomainCandidates.ForAccounts(parsed.Host, result.Domain, registrable);
        }

        /// <summary>
        /// The match for an email, with sales ops' rules for its host (read with the settings).
        /// </summary>
        public LeadMatch Match(string email, IList<ExclusionRule> rules)
        {
            ParsedEmail parsed = EmailParser.Parse(email);
            ExclusionResult result = SignupClassifier.Classify(email, _settings, rules);
            string normalizedEmail = parsed.IsValid ? Clip(parsed.NormalizedEmail, LeadColumns.NormalizedEmailMaxLength) : null;
            string domain = Clip(result.Domain, LeadColumns.EmailDomainMaxLength);
            if (!result.IsCompany)
                return new LeadMatch(SignupClassifier.ToMatchOutcome(result.Outcome), MatchMethod.None, normalizedEmail, domain, null,
                    "Not linked: " + result.Reason + ".");

            IList<string> names = ClaimNames(parsed, result);
            string decidedBy;
            DomainClaim claim = DomainClaimRanking.Pick(_claims(names), names, out decidedBy);
            if (claim != null) return Linked(claim, decidedBy, normalizedEmail, domain);

            // Auto-creation is decided per company once it counts enough people (AccountAutoCreator), not per lead.
            return new LeadMatch(MatchOutcome.Unmatched, MatchMethod.None, normalizedEmail, domain, null,
                "Not linked yet: no account has the domain " + result.Domain + " (" + result.Reason + "); the company is on the prospecting list.");
        }

        private static LeadMatch Linked(DomainClaim claim, string decidedBy, string normalizedEmail, string domain)
        {
            bool website = claim.Source == DomainSource.Website;
            string explanation = "Linked to " + (claim.AccountName ?? claim.Account.Id.ToString())
                + (claim.AccountIsActive ? "" : " (inactive: an inactive account keeps its domains)") + " by the domain " + claim.Domain
                + (website ? " taken from the account's website" : " (" + claim.Source + (claim.IsPrimary ? ", primary" : "") + " domain row)")
                + "; " + decidedBy + ".";
            return new LeadMatch(MatchOutcome.Linked, website ? MatchMethod.Website : MatchMethod.DomainTable, normalizedEmail, domain,
                claim.Account, explanation) { Claim = claim };
        }

        private static string Clip(string text, int max) => text == null || text.Length <= max ? text : text.Substring(0, max);
    }
}
