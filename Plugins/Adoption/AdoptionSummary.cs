using System;
using AdoptionCrm.Plugins.Model;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>What a company or an account shows as of a moment: people counted, recent people, score, stage.</summary>
    public sealed class AdoptionSummary
    {
        public AdoptionSummary(int people, int recentPeople, AdoptionScore score, AdoptionStage stage, DateTime asOfUtc)
        {
            People = people;
            RecentPeople = recentPeople;
            Score = score;
            Stage = stage;
            AsOfUtc = asOfUtc;
        }

        public int People { get; private set; }
        public int RecentPeople { get; private set; }
        public AdoptionScore Score { get; private set; }
        public AdoptionStage Stage { get; private set; }
        public DateTime AsOfUtc { get; private set; }
    }
}
