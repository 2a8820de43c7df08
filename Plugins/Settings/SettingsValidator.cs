using System.Collections.Generic;
using AdoptionCrm.Plugins.Domain;
using AdoptionCrm.Plugins.Model;

namespace AdoptionCrm.Plugins.Settings
{
    /// <summary>
    /// Checks a settings row as it will be saved (the row's values over the defaults). Every problem
    /// names the column, so sales ops know what to fix; an empty list means the row is valid.
    /// </summary>
    public static class SettingsValidator
    {
        public static IReadOnlyList<string> Validate(AdoptionSettings s)
        {
            var errors = new List<string>();
            if (s.IndividualThreshold < 1)
                errors.Add(AdoptionSettingsColumns.IndividualThreshold + ": must be at least 1 (was " + s.IndividualThreshold + ").");
            if (s.TeamThreshold <= s.IndividualThreshold)
                errors.Add(AdoptionSettingsColumns.TeamThreshold + ": must be greater than " + AdoptionSettingsColumns.IndividualThreshold
                    + " (" + s.TeamThreshold + " is not greater than " + s.IndividualThreshold + "); thresholds must strictly increase.");
            if (s.SpreadingThreshold <= s.TeamThreshold)
                errors.Add(AdoptionSettingsColumns.SpreadingThreshold + ": must be greater than " + AdoptionSettingsColumns.TeamThreshold
                    + " (" + s.SpreadingThreshold + " is not greater than " + s.TeamThreshold + "); thresholds must strictly increase.");
            if (s.EnterpriseThreshold <= s.SpreadingThreshold)
                errors.Add(AdoptionSettingsColumns.EnterpriseThreshold + ": must be greater than " + AdoptionSettingsColumns.SpreadingThreshold
                    + " (" + s.EnterpriseThreshold + " is not greater than " + s.SpreadingThreshold + "); thresholds must strictly increase.");
            if (s.WindowDays < 1)
                errors.Add(AdoptionSettingsColumns.WindowDays + ": the window must be at least 1 day (was " + s.WindowDays + ").");
            if (s.DecayHalfLifeDays < 1)
                errors.Add(AdoptionSettingsColumns.DecayHalfLifeDays + ": the half-life must be at least 1 day (was " + s.DecayHalfLifeDays + ").");
            if (s.AdopterWeight < 0)
                errors.Add(AdoptionSettingsColumns.AdopterWeight + ": weights cannot be negative (was " + s.AdopterWeight + ").");
            if (s.UsageWeight < 0)
                errors.Add(AdoptionSettingsColumns.UsageWeight + ": weights cannot be negative (was " + s.UsageWeight + ").");
            if (s.InvitationWeight < 0)
                errors.Add(AdoptionSettingsColumns.InvitationWeight + ": weights cannot be negative (was " + s.InvitationWeight + ").");
            if (s.TaskCooldownDays < 0)
                errors.Add(AdoptionSettingsColumns.TaskCooldownDays + ": the cooldown cannot be negative (was " + s.TaskCooldownDays + ").");
            if (s.TaskDueDays < 0)
                errors.Add(AdoptionSettingsColumns.TaskDueDays + ": due days cannot be negative (was " + s.TaskDueDays + ").");
            foreach (string invalid in new ExclusionSettings(s.OwnDomains).InvalidEntries)
                errors.Add(AdoptionSettingsColumns.OwnDomains + ": " + invalid + ".");
            return errors;
        }
    }
}
