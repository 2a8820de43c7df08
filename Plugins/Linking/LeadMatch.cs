using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Linking
{
    /// <summary>What linking decided for one lead: written on the lead so the panel can say "why this account".</summary>
    public sealed class LeadMatch
    {
        public LeadMatch(MatchOutcome outcome, MatchMethod method, string normalizedEmail, string domain, EntityReference account, string explanation)
        {
            Outcome = outcome;
            Method = method;
            NormalizedEmail = normalizedEmail;
            Domain = domain;
            Account = account;
            Explanation = explanation;
        }

        public MatchOutcome Outcome { get; private set; }
        public MatchMethod Method { get; private set; }
        public string NormalizedEmail { get; private set; }
        public string Domain { get; private set; }
        public EntityReference Account { get; private set; }
        public string Explanation { get; private set; }
        public bool IsLinked => Account != null;

        /// <summary>The winning claim's read: the account's owner and whether it is disabled.</summary>
        public DomainClaim Claim { get; set; }
    }
}
