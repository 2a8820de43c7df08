using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// Stage = the highest threshold met by the people counted in the window (Individual ≥ 1, Team ≥ 3,
    /// Spreading ≥ 8, Enterprise-ready ≥ 15 by default). A pure function of the count, with no memory of the
    /// path: the rebuild must give exactly what the incremental path gives, and a stage that depended on the
    /// previous stage (hysteresis) would not. Flapping costs nothing: a rep is only tasked on a rise above
    /// the highest stage already tasked (TaskRules), so a company hovering at a threshold is tasked once.
    /// </summary>
    public static class StageRules
    {
        public static AdoptionStage For(long people, AdoptionSettings settings)
        {
            if (people >= settings.EnterpriseThreshold) return AdoptionStage.EnterpriseReady;
            if (people >= settings.SpreadingThreshold) return AdoptionStage.Spreading;
            if (people >= settings.TeamThreshold) return AdoptionStage.Team;
            if (people >= settings.IndividualThreshold) return AdoptionStage.Individual;
            return AdoptionStage.None;
        }
    }
}
