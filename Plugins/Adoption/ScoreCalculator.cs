using System;
using AdoptionCrm.Plugins.Settings;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// score = adopterWeight × Σ people·decay + usageWeight × log10(1 + Σ usage·decay) + invitationWeight × Σ invitations·decay,
    /// capped to 0-100, where decay = 0.5^(age in days / half-life) and the sums run over the window's day
    /// buckets in date order (so the same buckets always give the same double). The buckets hold each person's
    /// usage and invitations already capped (SignalLimits), and usage is logarithmic on top, so one heavy user
    /// cannot stand in for many people; people stay the main signal. Everything is summed in doubles and the
    /// result clamped, so no input (int.MaxValue usage on every lead, a hand-edited bucket) overflows.
    /// The explanation is a sentence (AdoptionExplanation), not this formula.
    /// </summary>
    public static class ScoreCalculator
    {
        /// <summary>Days counted as "recent growth" (the prospecting view's second sort).</summary>
        public const int RecentDays = 14;

        /// <summary>Days the explanation calls "this week".</summary>
        public const int WeekDays = 7;

        public static AdoptionSummary Compute(DayBuckets buckets, DateTime nowUtc, AdoptionSettings settings)
        {
            double people = 0, usage = 0, invitations = 0;
            long counted = 0, recent = 0, week = 0;
            int windowDays = settings.WindowDays;
            double halfLife = Math.Max(1, settings.DecayHalfLifeDays);
            DateTime today = nowUtc.Date;
            foreach (var bucket in buckets.Buckets)
            {
                if (!DayBuckets.InWindow(bucket.Day, nowUtc, windowDays)) continue;
                double age = Math.Max(0, (today - bucket.Day).TotalDays);
                double decay = Math.Pow(0.5, age / halfLife);
                people += Math.Max(0, bucket.People) * decay;
                usage += Math.Max(0, bucket.Usage) * decay;
                invitations += Math.Max(0, bucket.Invitations) * decay;
                counted += bucket.People;
                if (age < RecentDays) recent += bucket.People;
                if (age < WeekDays) week += bucket.People;
            }
            double adopterPoints = (double)settings.AdopterWeight * people;
            double signalPoints = (double)settings.UsageWeight * Math.Log10(1 + usage) + (double)settings.InvitationWeight * invitations;
            double raw = adopterPoints + signalPoints;
            int value = (int)Math.Round(Math.Max(0, Math.Min(100, raw)), MidpointRounding.AwayFromZero);
            var stage = StageRules.For(counted, settings);
            string explanation = AdoptionExplanation.Compose(counted, week, stage, value, adopterPoints, signalPoints, settings, nowUtc);
            return new AdoptionSummary(Clamp(counted), Clamp(recent), new AdoptionScore(value, explanation), stage, nowUtc);
        }

        private static int Clamp(long count) => (int)Math.Max(0, Math.Min(int.MaxValue, count));
    }
}
