using System.Collections.Generic;
using AdoptionCrm.Plugins.EmailDomains;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;

namespace AdoptionCrm.Plugins.Linking
{
    /// <summary>
    /// The domain code's exclusion layers with the settings' switches applied (a layer switched off lets
    /// the signup through as a company), and the outcome in the lead's choice values.
    /// </summary>
    public static class SignupClassifier
    {
        public static ExclusionResult Classify(string email, AdoptionSettings settings, IEnumerable<ExclusionRule> rules)
        {
            var exclusion = settings.ToExclusionSettings(rules);
            var result = ExclusionClassifier.Default.Classify(email, exclusion);
            bool switchedOff =
                (result.Outcome == ExclusionOutcome.ExcludedFreeMail && !settings.ExcludeFreeMail)
                || (result.Outcome == ExclusionOutcome.ExcludedDisposable && !settings.ExcludeDisposable)
                || (result.Outcome == ExclusionOutcome.ExcludedRole && !settings.ExcludeRoleSenders);
            if (!switchedOff) return result;
            // The remaining layers still apply to a signup let through by a switch.
            var lists = new ExclusionClassifier(DomainNormalizer.Default,
                settings.ExcludeFreeMail ? DomainSet.FreeMail : DomainSet.Empty,
                settings.ExcludeDisposable ? DomainSet.Disposable : DomainSet.Empty);
            // Role senders are the classifier's first layer; with that layer off, classify the host
            // with a personal local part so the later layers decide (the caller keeps the real address).
            string classified = result.Outcome == ExclusionOutcome.ExcludedRole ? PersonalLocalPart + "@" + result.Email.Host : email;
            return lists.Classify(classified, exclusion);
        }

        private const string PersonalLocalPart = "person";

        public static MatchOutcome ToMatchOutcome(ExclusionOutcome outcome)
        {
            switch (outcome)
            {
                case ExclusionOutcome.NoEmail: return MatchOutcome.NoEmail;
                case ExclusionOutcome.InvalidEmail: return MatchOutcome.InvalidEmail;
                case ExclusionOutcome.ExcludedRole: return MatchOutcome.ExcludedRole;
                case ExclusionOutcome.ExcludedOwn: return MatchOutcome.ExcludedOwn;
                case ExclusionOutcome.ExcludedRule: return MatchOutcome.ExcludedRule;
                case ExclusionOutcome.ExcludedFreeMail: return MatchOutcome.ExcludedFreeMail;
                case ExclusionOutcome.ExcludedDisposable: return MatchOutcome.ExcludedDisposable;
                default: return MatchOutcome.Unmatched;
            }
        }
    }
}
