using System;

namespace AdoptionCrm.Plugins.EmailDomains
{
    /// <summary>
    /// Decides whether a signup's email belongs to a company, in fixed layers; the first that applies wins:
    ///   1. NoEmail / InvalidEmail   nothing to match on (the lead is still saved, marked with the reason)
    ///   2. ExcludedRole             automated senders (RoleSenders): not a person
    ///   3. ExcludedOwn              our own company's domains (settings): colleagues, not prospects
    ///   4. sales ops' rules         an exclude rule → ExcludedRule; an allow rule → Company at once,
    ///                               skipping layers 5 and 6 (that is what an allow rule is for). Rules
    ///                               come before the lists so that they can override them.
    ///   5. ExcludedFreeMail         HubSpot's free-mail list (which also carries known disposable domains)
    ///   6. ExcludedDisposable       the disposable-domains list
    ///   7. Company
    /// Rules and lists match the email's full host or any parent domain (mail.yahoo.co.uk ⊂ yahoo.co.uk).
    /// Never throws on bad input: every input gets an outcome.
    /// </summary>
    public sealed class ExclusionClassifier
    {
        private static readonly Lazy<ExclusionClassifier> Embedded = new Lazy<ExclusionClassifier>(
            () => new ExclusionClassifier(DomainNormalizer.Default, DomainSet.FreeMail, DomainSet.Disposable));

        private readonly DomainNormalizer _normalizer;
        private readonly DomainSet _freeMail;
        private readonly DomainSet _disposable;

        public ExclusionClassifier(DomainNormalizer normalizer, DomainSet freeMail, DomainSet disposable)
        {
            _normalizer = normalizer ?? throw new ArgumentNullException(nameof(normalizer));
            _freeMail = freeMail ?? DomainSet.Empty;
            _disposable = disposable ?? DomainSet.Empty;
        }

        /// <summary>The classifier over the embedded lists, built once per AppDomain.</summary>
        public static ExclusionClassifier Default => Embedded.Value;

        public ExclusionResult Classify(string email, ExclusionSettings settings = null)
        {
            if (settings == null) settings = ExclusionSettings.None;
            ParsedEmail parsed = EmailParser.Parse(email);
            if (parsed.Status == EmailStatus.Empty) return new ExclusionResult(ExclusionOutcome.NoEmail, parsed, null, parsed.Reason);
            if (!parsed.IsValid) return new ExclusionResult(ExclusionOutcome.InvalidEmail, parsed, null, "invalid email: " + parsed.Reason);

            string host = parsed.Host;
            NormalizedDomain normalized = _normalizer.Normalize(host, settings.KeepSubdomainsApart);
            string domain = normalized.Domain;

            if (RoleSenders.IsRoleSender(parsed.LocalPart))
                return new ExclusionResult(ExclusionOutcome.ExcludedRole, parsed, domain, "automated sender '" + parsed.LocalPart + "@', not a person");

            string own = settings.OwnDomains.Match(host);
            if (own != null)
                return new ExclusionResult(ExclusionOutcome.ExcludedOwn, parsed, domain, "our own domain " + own);

            string matched;
            ExclusionRule rule = settings.FindRule(host, out matched);
            if (rule != null)
            {
                string name = rule.Name == null ? "" : " '" + rule.Name + "'";
                if (!rule.Allow)
                    return new ExclusionResult(ExclusionOutcome.ExcludedRule, parsed, domain, "excluded by rule" + name + " for " + matched);
                return new ExclusionResult(ExclusionOutcome.Company, parsed, domain, "company domain " + domain + " (allowed by rule" + name + " for " + matched + ")");
            }

            string free = _freeMail.Match(host);
            if (free != null)
                return new ExclusionResult(ExclusionOutcome.ExcludedFreeMail, parsed, domain, "free-mail provider " + free);

            string disposable = _disposable.Match(host);
            if (disposable != null)
                return new ExclusionResult(ExclusionOutcome.ExcludedDisposable, parsed, domain, "disposable-address service " + disposable);

            return new ExclusionResult(ExclusionOutcome.Company, parsed, domain, "company domain " + domain + " (" + normalized.Reason + ")");
        }
    }
}
