namespace AdoptionCrm.Plugins.EmailDomains
{
    /// <summary>The classification of one email: outcome, the company domain, and why.</summary>
    public sealed class ExclusionResult
    {
        internal ExclusionResult(ExclusionOutcome outcome, ParsedEmail email, string domain, string reason)
        {
            Outcome = outcome;
            Email = email;
            Domain = domain;
            Reason = reason;
        }

        public ExclusionOutcome Outcome { get; }

        /// <summary>True only for Company: the signup counts toward an account.</summary>
        public bool IsCompany => Outcome == ExclusionOutcome.Company;

        /// <summary>The parsed email (normalised address for distinct-person counting).</summary>
        public ParsedEmail Email { get; }

        /// <summary>The normalised company domain (registrable, tenant host, or full host); null for an invalid or empty email.</summary>
        public string Domain { get; }

        /// <summary>A sentence for people: which layer decided and on what.</summary>
        public string Reason { get; }

        public override string ToString() => Outcome + " " + (Domain ?? "-") + ": " + Reason;
    }
}
