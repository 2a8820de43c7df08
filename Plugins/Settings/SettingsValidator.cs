using System.Collections.Generic;
using AdoptionCrm.Plugins.EmailDomains;
using AdoptionCrm.Plugins.Model;

namespace AdoptionCrm.Plugins.Settings
{
    /// <summary>
    /// Checks a settings row as it will be saved (the row's values over the defaults). Every problem
    /// names the column, so sales ops know what to fix; an empty list means the row is valid. Each
    /// number is held to its range from SettingsDefinition (the column's own range: the emulator and
    /// the platform refuse it too, but with a message that does not say which setting); then the rules
    /// that tie settings together.
    /// </summary>
    public static class SettingsValidator
    {
        public static IReadOnlyList<string> Validate(AdoptionSettings s)
        {
            var errors = new List<string>();
            foreach (var setting in SettingsDefinition.All)
            {
                string problem = setting.RangeProblem(s[setting]);
                if (problem != null) errors.Add(problem);
            }
            MustExceed(errors, AdoptionSettingsColumns.TeamThreshold, s.TeamThreshold, AdoptionSettingsColumns.IndividualThreshold, s.IndividualThreshold);
            MustExceed(errors, AdoptionSettingsColumns.SpreadingThreshold, s.SpreadingThreshold, AdoptionSettingsColumns.TeamThreshold, s.TeamThreshold);
            MustExceed(errors, AdoptionSettingsColumns.EnterpriseThreshold, s.EnterpriseThreshold, AdoptionSettingsColumns.SpreadingThreshold, s.SpreadingThreshold);
            foreach (string invalid in new ExclusionSettings(s.OwnDomains).InvalidEntries)
                errors.Add(AdoptionSettingsColumns.OwnDomains + ": " + invalid + ".");
            return errors;
        }

        private static void MustExceed(List<string> errors, string column, int value, string lowerColumn, int lower)
        {
            if (value <= lower)
                errors.Add(column + ": must be greater than " + lowerColumn + " (" + value + " is not greater than " + lower + "); thresholds must strictly increase.");
        }
    }
}
