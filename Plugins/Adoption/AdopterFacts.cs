using System;
using System.Linq;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// An adopter's columns, computed from the person's signup list and nothing else (so the incremental path
    /// and the rebuild agree by construction). Latest signup = the newest entry (ties: the higher lead id);
    /// usage and invitations are summed over the person's counted signups; name and job title come from the
    /// latest signup, the name falling back to the email.
    /// </summary>
    public sealed class AdopterFacts
    {
        private AdopterFacts() { }

        public string Email { get; private set; }
        public int Signups { get; private set; }
        public DateTime? FirstSignupOnUtc { get; private set; }
        public DateTime? LastSignupOnUtc { get; private set; }
        public long Usage { get; private set; }
        public long Invitations { get; private set; }
        public Guid? LatestLeadId { get; private set; }
        public string Name { get; private set; }
        public string JobTitle { get; private set; }
        public bool Exists => Signups > 0;

        public static AdopterFacts Of(SignupList list, string email)
        {
            var facts = new AdopterFacts { Email = email, Name = email, JobTitle = "" };
            if (list == null || list.Count == 0) return facts;
            var entries = list.Entries.ToList();
            var latest = entries.OrderByDescending(e => e.SignedUpOnUtc).ThenByDescending(e => e.LeadId, GuidOrder.Instance).First();
            facts.Signups = entries.Count;
            facts.FirstSignupOnUtc = entries.Min(e => e.SignedUpOnUtc);
            facts.LastSignupOnUtc = latest.SignedUpOnUtc;
            // Each entry is a lead's int (clamped at 0); the sum of a person's own signups fits a long.
            facts.Usage = entries.Sum(e => Math.Max(0, Math.Min(int.MaxValue, e.Usage)));
            facts.Invitations = entries.Sum(e => Math.Max(0, Math.Min(int.MaxValue, e.Invitations)));
            facts.LatestLeadId = latest.LeadId;
            facts.Name = string.IsNullOrWhiteSpace(latest.Name) ? email : latest.Name;
            facts.JobTitle = latest.JobTitle;
            return facts;
        }

        /// <summary>
        /// What the person adds to the company's buckets as of <paramref name="nowUtc"/>: nothing outside the window;
        /// one person, with their usage and invitations capped (SignalLimits) so no one person outweighs a team.
        /// </summary>
        public DayBucket Contribution(DateTime nowUtc, int windowDays)
        {
            if (!Exists || !DayBuckets.InWindow(LastSignupOnUtc.Value.Date, nowUtc, windowDays)) return null;
            return new DayBucket(LastSignupOnUtc.Value.Date, 1, SignalLimits.Usage(Usage), SignalLimits.Invitations(Invitations));
        }

        public bool CountedAt(DateTime nowUtc, int windowDays) => Contribution(nowUtc, windowDays) != null;
    }
}
