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
            MustExceed(errors, AdoptionSettingsColumns.TeamThreshold, s.TeamThreshold, AdoptionSettingsColumns.IndividualThreshold, s.IndividualThreshold);
            MustExceed(errors, AdoptionSettingsColumns.SpreadingThreshold, s.SpreadingThreshold, AdoptionSettingsColumns.TeamThreshold, s.TeamThreshold);
            MustExceed(errors, AdoptionSettingsColumns.EnterpriseThreshold, s.EnterpriseThreshold, AdoptionSettingsColumns.SpreadingThreshold, s.SpreadingThreshold);
            if (s.WindowDays < 1)
                errors.Add(AdoptionSettingsColumns.WindowDays + ": the window must be at least 1 day (was " + s.WindowDays + ").");
            if (s.DecayHalfLifeDays < 1)
                errors.Add(AdoptionSettingsColumns.DecayHalfLifeDays + ": the half-life must be at least 1 day (was " + s.DecayHalfLifeDays + ").");
            WeightNotNegative(errors, AdoptionSettingsColumns.AdopterWeight, s.AdopterWeight);
            WeightNotNegative(errors, AdoptionSettingsColumns.UsageWeight, s.UsageWeight);
            WeightNotNegative(errors, AdoptionSettingsColumns.InvitationWeight, s.InvitationWeight);
            if (s.AutoCreateMinPeople < 1)
                errors.Add(AdoptionSettingsColumns.AutoCreateMinPeople + ": at least 1 person (was " + s.AutoCreateMinPeople + ").");
            if (s.TaskCooldownDays < 0)
                errors.Add(AdoptionSettingsColumns.TaskCooldownDays + ": the cooldown cannot be negative (was " + s.TaskCooldownDays + ").");
            if (s.TaskDueDays < 0)
                errors.Add(AdoptionSettingsColumns.TaskDueDays + ": due days cannot be negative (was " + s.TaskDueDays + ").");
            foreach (string invalid in new ExclusionSettings(s.OwnDomains).InvalidEntries)
                errors.Add(AdoptionSettingsColumns.OwnDomains + ": " + invalid + ".");
            return errors;
        }

        private static void MustExceed(List<string> errors, string column, int value, string lowerColumn, int lower)
        {
            if (value <= lower)
                errors.Add(column + ": must be greater than " + lowerColumn + " (" + value + " is not greater than " + lower + "); thresholds must strictly increase.");
        }

        private static void WeightNotNegative(List<string> errors, string column, decimal value)
        {
            if (value < 0) errors.Add(column + ": weights cannot be negative (was " + value + ").");
        }
    }
}
