using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Settings
{
    /// <summary>
    /// The settings as one string, so a step can hand them to a later step (SharedVariables, the "tag" of
    /// a request) instead of that step reading the settings row again. SharedVariables should hold simple
    /// serializable values, hence text. Keys are the settings' column names; values are escaped.
    /// </summary>
    public static class SettingsText
    {
        private const char Separator = ';';
        private const char Equal = '=';
        private const string SettingsIdKey = "id";

        public static string Write(AdoptionSettings s)
        {
            var c = CultureInfo.InvariantCulture;
            var pairs = new List<KeyValuePair<string, string>>
            {
                Pair(SettingsIdKey, s.SettingsId.HasValue ? s.SettingsId.Value.ToString() : null),
                Pair(AdoptionSettingsColumns.IndividualThreshold, s.IndividualThreshold.ToString(c)),
                Pair(AdoptionSettingsColumns.TeamThreshold, s.TeamThreshold.ToString(c)),
                Pair(AdoptionSettingsColumns.SpreadingThreshold, s.SpreadingThreshold.ToString(c)),
                Pair(AdoptionSettingsColumns.EnterpriseThreshold, s.EnterpriseThreshold.ToString(c)),
                Pair(AdoptionSettingsColumns.WindowDays, s.WindowDays.ToString(c)),
                Pair(AdoptionSettingsColumns.DecayHalfLifeDays, s.DecayHalfLifeDays.ToString(c)),
                Pair(AdoptionSettingsColumns.AdopterWeight, s.AdopterWeight.ToString(c)),
                Pair(AdoptionSettingsColumns.UsageWeight, s.UsageWeight.ToString(c)),
                Pair(AdoptionSettingsColumns.InvitationWeight, s.InvitationWeight.ToString(c)),
                Pair(AdoptionSettingsColumns.ExcludeFreeMail, s.ExcludeFreeMail ? "1" : "0"),
                Pair(AdoptionSettingsColumns.ExcludeDisposable, s.ExcludeDisposable ? "1" : "0"),
                Pair(AdoptionSettingsColumns.ExcludeRoleSenders, s.ExcludeRoleSenders ? "1" : "0"),
                Pair(AdoptionSettingsColumns.AutoCreateAccounts, s.AutoCreateAccounts ? "1" : "0"),
                Pair(AdoptionSettingsColumns.AutoCreateMinPeople, s.AutoCreateMinPeople.ToString(c)),
                Pair(AdoptionSettingsColumns.KeepSubdomainsApart, s.KeepSubdomainsApart ? "1" : "0"),
                Pair(AdoptionSettingsColumns.TaskCooldownDays, s.TaskCooldownDays.ToString(c)),
                Pair(AdoptionSettingsColumns.TaskDueDays, s.TaskDueDays.ToString(c)),
                Pair(AdoptionSettingsColumns.OwnDomains, string.Join(",", s.OwnDomains)),
                Pair(AdoptionSettingsColumns.FallbackUserId, s.FallbackUser == null ? null : s.FallbackUser.Id.ToString()),
                Pair(AdoptionSettingsColumns.FallbackQueueId, s.FallbackQueue == null ? null : s.FallbackQueue.Id.ToString()),
            };
            return string.Join(Separator.ToString(), pairs.Where(p => p.Value != null).Select(p => p.Key + Equal + Uri.EscapeDataString(p.Value)));
        }

        /// <summary>The settings written by <see cref="Write"/>; null when the text is not such settings.</summary>
        public static AdoptionSettings Read(string text)
        {
            if (string.IsNullOrEmpty(text)) return null;
            var row = new Entity(AdoptionSettingsColumns.EntityName);
            var c = CultureInfo.InvariantCulture;
            foreach (string pair in text.Split(Separator))
            {
                int eq = pair.IndexOf(Equal);
                if (eq <= 0) return null;
                string key = pair.Substring(0, eq), value = Uri.UnescapeDataString(pair.Substring(eq + 1));
                int number;
                decimal amount;
                Guid id;
                switch (key)
                {
                    case SettingsIdKey:
                        if (!Guid.TryParse(value, out id)) return null;
                        row.Id = id;
                        break;
                    case AdoptionSettingsColumns.AdopterWeight:
                    case AdoptionSettingsColumns.UsageWeight:
                    case AdoptionSettingsColumns.InvitationWeight:
                        if (!decimal.TryParse(value, NumberStyles.Number, c, out amount)) return null;
                        row[key] = amount;
                        break;
                    case AdoptionSettingsColumns.ExcludeFreeMail:
                    case AdoptionSettingsColumns.ExcludeDisposable:
                    case AdoptionSettingsColumns.ExcludeRoleSenders:
                    case AdoptionSettingsColumns.AutoCreateAccounts:
                    case AdoptionSettingsColumns.KeepSubdomainsApart:
                        row[key] = value == "1";
                        break;
                    case AdoptionSettingsColumns.OwnDomains:
                        row[key] = value;
                        break;
                    case AdoptionSettingsColumns.FallbackUserId:
                        if (!Guid.TryParse(value, out id)) return null;
                        row[key] = new EntityReference(SystemUserColumns.EntityName, id);
                        break;
                    case AdoptionSettingsColumns.FallbackQueueId:
                        if (!Guid.TryParse(value, out id)) return null;
                        row[key] = new EntityReference(OwnerTables.Queue, id);
                        break;
                    default:
                        if (!int.TryParse(value, NumberStyles.Integer, c, out number)) return null;
                        row[key] = number;
                        break;
                }
            }
            return row.Id == Guid.Empty ? AdoptionSettings.FromRowWithoutId(row) : AdoptionSettings.FromRow(row);
        }

        private static KeyValuePair<string, string> Pair(string key, string value) => new KeyValuePair<string, string>(key, value);
    }
}
