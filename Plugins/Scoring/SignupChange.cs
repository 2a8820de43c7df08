using System;

namespace AdoptionCrm.Plugins.Scoring
{
    /// <summary>One lead arriving at or leaving an account's count.</summary>
    public sealed class SignupChange
    {
        public SignupChange(Guid accountId, Guid leadId, string normalizedEmail, DateTime signupOnUtc, long usage, long invitations, bool adding)
        {
            AccountId = accountId;
            LeadId = leadId;
            NormalizedEmail = normalizedEmail;
            SignupOnUtc = signupOnUtc;
            Usage = usage;
            Invitations = invitations;
            Adding = adding;
        }

        public Guid AccountId { get; private set; }
        public Guid LeadId { get; private set; }
        public string NormalizedEmail { get; private set; }
        public DateTime SignupOnUtc { get; private set; }
        public long Usage { get; private set; }
        public long Invitations { get; private set; }

        /// <summary>true: the lead now counts at the account; false: it stopped counting there.</summary>
        public bool Adding { get; private set; }
    }
}
