using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace AdoptionCrm.Plugins.Plays
{
    /// <summary>
    /// Chooses the person the rep calls first from the people counted at the account, on points a rep can check:
    /// 10 per level of title seniority (TitleSeniority, 0–50), 1 per colleague invited up to 20, and 3 per decade
    /// of usage (log10) up to 18. Invitations and usage are capped so one very active person does not outrank a
    /// decision maker by volume alone; an executive who invites nobody still beats an intern who invited 20.
    /// Ties go to the earlier first signup (the person who brought the product in), then to the email.
    /// The reason names what decided it: the title when it is the most senior here, invitations, usage.
    /// </summary>
    public static class ChampionPicker
    {
        public const int InvitationCap = 20;
        public const double UsagePointsCap = 18;

        public static Champion Pick(IReadOnlyCollection<PlayAdopter> people)
        {
            if (people == null || people.Count == 0) return null;
            var best = people
                .OrderByDescending(Points)
                .ThenBy(p => p.FirstSignupOn ?? DateTime.MaxValue)
                .ThenBy(p => p.Email, StringComparer.Ordinal)
                .First();
            return new Champion(best, Why(best, people));
        }

        public static double Points(PlayAdopter p) =>
            10 * TitleSeniority.Of(p.JobTitle) + Math.Min(p.Invitations, InvitationCap) + Math.Min(3 * Math.Log10(1 + (double)p.Usage), UsagePointsCap);

        private static string Why(PlayAdopter best, IReadOnlyCollection<PlayAdopter> people)
        {
            var c = CultureInfo.InvariantCulture;
            var reasons = new List<string>();
            int seniority = TitleSeniority.Of(best.JobTitle);
            if (seniority > 0)
            {
                int asSenior = people.Count(p => TitleSeniority.Of(p.JobTitle) >= seniority);
                reasons.Add(asSenior == 1 && people.Count > 1
                    ? "the most senior title among the " + people.Count.ToString(c) + " people here (" + best.JobTitle + ")"
                    : "title " + best.JobTitle);
            }
            if (best.Invitations > 0)
                reasons.Add("invited " + best.Invitations.ToString("N0", c) + (best.Invitations == 1 ? " colleague" : " colleagues")
                    + (best.Invitations >= people.Max(p => p.Invitations) && people.Count > 1 ? ", the most here" : ""));
            if (best.Usage > 0)
                reasons.Add("usage " + best.Usage.ToString("N0", c) + (best.Usage >= people.Max(p => p.Usage) && people.Count > 1 ? ", the highest here" : ""));
            int tied = people.Count(p => Points(p) == Points(best));
            if (tied > 1 && reasons.Count > 0)
                reasons.Add("signed up first of the " + tied.ToString(c) + " who tie on title, invitations and usage");
            if (reasons.Count == 0)
                reasons.Add(best.FirstSignupOn.HasValue
                    ? "signed up first, on " + best.FirstSignupOn.Value.ToString("d MMM yyyy", c) + " (no titles, invitations or usage recorded)"
                    : "no titles, invitations or usage recorded");
            return string.Join("; ", reasons);
        }
    }
}
