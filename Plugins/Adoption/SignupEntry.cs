using System;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>One counted signup (lead) of a person at a company: what the adopter row is computed from.</summary>
    public sealed class SignupEntry
    {
        public SignupEntry(Guid leadId, DateTime signedUpOnUtc, long usage, long invitations, string name, string jobTitle)
        {
            LeadId = leadId;
            SignedUpOnUtc = signedUpOnUtc;
            Usage = usage;
            Invitations = invitations;
            Name = name ?? "";
            JobTitle = jobTitle ?? "";
        }

        public Guid LeadId { get; private set; }
        public DateTime SignedUpOnUtc { get; private set; }
        public long Usage { get; private set; }
        public long Invitations { get; private set; }
        public string Name { get; private set; }
        public string JobTitle { get; private set; }

        public bool SameAs(SignupEntry other) =>
            other != null && other.LeadId == LeadId && other.SignedUpOnUtc == SignedUpOnUtc && other.Usage == Usage
            && other.Invitations == Invitations && other.Name == Name && other.JobTitle == JobTitle;
    }
}
