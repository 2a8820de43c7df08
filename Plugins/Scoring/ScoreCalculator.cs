using System;
using System.Globalization;
using AdoptionCrm.Plugins.Settings;

namespace AdoptionCrm.Plugins.Scoring
{
    /// <summary>
    /// score = adopterWeight × Σ people·decay + usageWeight × log10(1 + Σ usage·decay) + invitationWeight × Σ invitations·decay,
    /// capped to 0-100, where decay = 0.5^(age in days / half-life). Usage is logarithmic so one heavy
    /// user cannot stand in for many people; people stay the main signal.
    /// </summary>
    public static class ScoreCalculator
    {
        public static AdoptionScore Compute(AdoptionLedger ledger, DateTime nowUtc, AdoptionSettings settings)
        {
            double people = 0, usage = 0, invitations = 0;
            int recentPeople = 0;
            foreach (var bucket in ledger.Buckets)
            {
                double age = Math.Max(0, (nowUtc.Date - bucket.Day).TotalDays);
                double decay = Math.Pow(0.5, age / Math.Max(1, settings.DecayHalfLifeDays));
                people += bucket.People * decay;
                usage += bucket.Usage * decay;
                invitations += bucket.Invitations * decay;
                if (age < 7) recentPeople += bucket.People;
            }
            double adopterPoints = (double)settings.AdopterWeight * people;
            double usagePoints = (double)settings.UsageWeight * Math.Log10(1 + usage);
            double invitationPoints = (double)settings.InvitationWeight * invitations;
            double raw = adopterPoints + usagePoints + invitationPoints;
            int value = (int)Math.Round(Math.Max(0, Math.Min(100, raw)), MidpointRounding.AwayFromZero);

            var c = CultureInfo.InvariantCulture;
            string explanation = string.Format(c,
                "{0}/100 on {1:yyyy-MM-dd}: {2} distinct adopter(s) in the last {3} days ({4} in the last 7) = {5:0.#} pts after recency weighting (half-life {6} days); usage {7} = {8:0.#} pts; invitations {9} = {10:0.#} pts{11}.",
                value, nowUtc, ledger.People, settings.WindowDays, recentPeople, adopterPoints, settings.DecayHalfLifeDays,
                ledger.Usage, usagePoints, ledger.Invitations, invitationPoints, raw > 100 ? "; capped at 100" : "")
                + (ledger.IsApproximate ? string.Format(c, " Adopter count approximate: the ledger tracks {0:N0} people by name hash; people past that are counted per signup, so a returning one may count twice.", AdoptionLedger.TrackedPeopleCap) : "");
            return new AdoptionScore(value, explanation);
        }
    }
}
