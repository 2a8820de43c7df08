using System;
using System.Globalization;
using AdoptionCrm.Plugins.Settings;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// score = adopterWeight × Σ people·decay + usageWeight × log10(1 + Σ usage·decay) + invitationWeight × Σ invitations·decay,
    /// capped to 0-100, where decay = 0.5^(age in days / half-life) and the sums run over the window's day
    /// buckets in date order (so the same buckets always give the same double). Usage is logarithmic so one
    /// heavy user cannot stand in for many people; people stay the main signal.
    /// </summary>
    public static class ScoreCalculator
    {
        /// <summary>Days counted as "recent growth" (the prospecting view's second sort).</summary>
        public const int RecentDays = 14;

        public static AdoptionSummary Compute(DayBuckets buckets, DateTime nowUtc, AdoptionSettings settings)
        {
            double people = 0, usage = 0, invitations = 0;
            long counted = 0, recent = 0, totalUsage = 0, totalInvitations = 0;
            foreach (var bucket in buckets.Buckets)
            {
                if (!DayBuckets.InWindow(bucket.Day, nowUtc, settings.WindowDays)) continue;
                double age = Math.Max(0, (nowUtc.Date - bucket.Day).TotalDays);
                double decay = Math.Pow(0.5, age / Math.Max(1, settings.DecayHalfLifeDays));
                people += bucket.People * decay;
                usage += bucket.Usage * decay;
                invitations += bucket.Invitations * decay;
                counted += bucket.People;
                totalUsage += bucket.Usage;
                totalInvitations += bucket.Invitations;
                if (age < RecentDays) recent += bucket.People;
            }
            double adopterPoints = (double)settings.AdopterWeight * people;
            double usagePoints = (double)settings.UsageWeight * Math.Log10(1 + Math.Max(0, usage));
            double invitationPoints = (double)settings.InvitationWeight * invitations;
            double raw = adopterPoints + usagePoints + invitationPoints;
            int value = (int)Math.Round(Math.Max(0, Math.Min(100, raw)), MidpointRounding.AwayFromZero);

            var c = CultureInfo.InvariantCulture;
            string explanation = string.Format(c,
                "{0}/100 as of {1:yyyy-MM-dd}: {2} distinct people in the last {3} days ({4} in the last {12}) = {5:0.#} pts after recency weighting (half-life {6} days); usage {7} = {8:0.#} pts; invitations {9} = {10:0.#} pts{11}.",
                value, nowUtc, counted, settings.WindowDays, recent, adopterPoints, settings.DecayHalfLifeDays,
                totalUsage, usagePoints, totalInvitations, invitationPoints, raw > 100 ? "; capped at 100" : "", RecentDays);
            return new AdoptionSummary((int)Math.Min(int.MaxValue, counted), (int)Math.Min(int.MaxValue, recent), new AdoptionScore(value, explanation),
                StageRules.For(counted, settings), nowUtc);
        }
    }
}
