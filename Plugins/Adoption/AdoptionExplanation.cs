using System;
using System.Globalization;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// The sentence a rep reads next to a score (adopt_scoreexplanation on the account, adopt_explanation on the
    /// company): who signed up, the stage in the words of the stage choice, what the score mostly comes from and
    /// the date it is as of. Plain words, no formula: the formula is ScoreCalculator's documentation, not the
    /// rep's. Pure, so the account, the company, the rebuild and the tests all say it the same way.
    /// </summary>
    public static class AdoptionExplanation
    {
        private static readonly AdoptionStage[] Ladder = { AdoptionStage.Individual, AdoptionStage.Team, AdoptionStage.Spreading, AdoptionStage.EnterpriseReady };

        /// <param name="people">People counted in the window.</param>
        /// <param name="thisWeek">Of them, those whose latest signup is in the last 7 days.</param>
        /// <param name="peoplePoints">Points the people give (before the 0-100 cap).</param>
        /// <param name="signalPoints">Points usage and invitations give (before the cap).</param>
        public static string Compose(long people, long thisWeek, AdoptionStage stage, int score, double peoplePoints, double signalPoints,
            AdoptionSettings settings, DateTime asOfUtc)
        {
            var c = CultureInfo.InvariantCulture;
            string asOf = "As of " + asOfUtc.ToString("d MMM yyyy", c) + ".";
            if (people <= 0) return "No one signed up in the last " + Days(settings.WindowDays) + ". " + asOf;

            string who = people.ToString("#,0", c) + (people == 1 ? " person" : " people") + " signed up in the last " + Days(settings.WindowDays);
            if (thisWeek <= 0) who += ", none this week";
            else if (people == 1) who = "1 person signed up this week, the only one in the last " + Days(settings.WindowDays);
            else if (thisWeek >= people) who += ", all of them this week";
            else who += ", " + thisWeek.ToString("#,0", c) + " of them this week";

            string where = stage == AdoptionStage.None ? "no stage yet" : StageLabels.Of(stage);
            AdoptionStage? next = Next(stage, people, settings);
            if (next != null)
            {
                long more = settings.ThresholdOf(next.Value) - people;
                where += " (" + more.ToString("#,0", c) + " more for " + StageLabels.Of(next.Value) + ")";
            }

            string why = "Score " + score.ToString(c) + " of 100";
            if (score > 0) why += peoplePoints >= signalPoints ? ", mostly from the number of people" : ", mostly from " + (people == 1 ? "their" : "the people's") + " usage and invitations";
            return who + ": " + where + ". " + why + ". " + asOf;
        }

        private static AdoptionStage? Next(AdoptionStage stage, long people, AdoptionSettings settings)
        {
            foreach (var candidate in Ladder)
                if (candidate > stage && settings.ThresholdOf(candidate) > people) return candidate;
            return null;
        }

        private static string Days(int windowDays) => windowDays == 1 ? "day" : windowDays.ToString(CultureInfo.InvariantCulture) + " days";
    }
}
