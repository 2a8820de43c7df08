using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;

namespace AdoptionCrm.Plugins.Scoring
{
    /// <summary>
    /// Stage from distinct adopters in the window, with one band of hysteresis: a stage rises as soon as
    /// its threshold is met, but is only lowered once the count falls below the threshold of the stage
    /// *under* it. So an account hovering at 14-15 adopters stays Enterprise-ready instead of flapping,
    /// and one that lost most of its adopters still drops.
    /// </summary>
    public static class StageRules
    {
        public static AdoptionStage Raw(int adopters, AdoptionSettings settings)
        {
            if (adopters >= settings.EnterpriseThreshold) return AdoptionStage.EnterpriseReady;
            if (adopters >= settings.SpreadingThreshold) return AdoptionStage.Spreading;
            if (adopters >= settings.TeamThreshold) return AdoptionStage.Team;
            if (adopters >= settings.IndividualThreshold) return AdoptionStage.Individual;
            return AdoptionStage.None;
        }

        public static AdoptionStage Next(AdoptionStage current, int adopters, AdoptionSettings settings)
        {
            AdoptionStage raw = Raw(adopters, settings);
            if (raw >= current) return raw;
            // Individual has no band under it: it is kept while anyone is counted.
            if (current == AdoptionStage.Individual) return adopters >= 1 ? current : raw;
            AdoptionStage below = current - 1;
            return adopters >= settings.ThresholdOf(below) ? current : raw;
        }

        public static string Label(AdoptionStage stage)
        {
            switch (stage)
            {
                case AdoptionStage.Individual: return "Individual";
                case AdoptionStage.Team: return "Team";
                case AdoptionStage.Spreading: return "Spreading";
                case AdoptionStage.EnterpriseReady: return "Enterprise-ready";
                default: return "None";
            }
        }
    }
}
