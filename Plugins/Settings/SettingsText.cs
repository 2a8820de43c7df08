using System;
using System.Collections.Generic;
using System.Text;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Settings
{
    /// <summary>
    /// The settings as one string, so a step can hand them to a later step (SharedVariables, the "tag" of
    /// a request) instead of that step reading the settings row again. SharedVariables should hold simple
    /// serializable values, hence text. Keys are the settings' column names (every setting in
    /// SettingsDefinition, each written by its own kind); '%', ';' and '=' in values are escaped (SeparatorEscape).
    /// </summary>
    public static class SettingsText
    {
        private const char Separator = ';';
        private const char Equal = '=';
        private const string SettingsIdKey = "id";

        // Written on every signup (the linking step hands the settings to the lead's asynchronous step): one builder, no lists.
        public static string Write(AdoptionSettings s)
        {
            var text = new StringBuilder(512);
            if (s.SettingsId.HasValue) text.Append(SettingsIdKey).Append(Equal).Append(s.SettingsId.Value.ToString());
            foreach (var setting in SettingsDefinition.All)
            {
                string value = setting.ToText(s[setting]);
                if (value == null) continue;
                if (text.Length > 0) text.Append(Separator);
                text.Append(setting.Column).Append(Equal).Append(SeparatorEscape.Escape(value, Separator, Equal));
            }
            return text.ToString();
        }

        /// <summary>The settings written by <see cref="Write"/>; null when the text is not such settings.</summary>
        // Read on every signup: one pass with IndexOf, and a key is matched in place against the setting Write puts
        // next (it writes them in SettingsDefinition's order), so only values become strings.
        public static AdoptionSettings Read(string text)
        {
            if (string.IsNullOrEmpty(text)) return null;
            var row = new Entity(AdoptionSettingsColumns.EntityName);
            var all = SettingsDefinition.All;
            int start = 0, expected = 0;
            while (start <= text.Length)
            {
                int end = text.IndexOf(Separator, start);
                if (end < 0) end = text.Length;
                int eq = text.IndexOf(Equal, start, end - start);
                if (eq <= start) return null;
                string value = SeparatorEscape.Unescape(text.Substring(eq + 1, end - eq - 1));
                if (KeyIs(text, start, eq, SettingsIdKey))
                {
                    Guid id;
                    if (!Guid.TryParse(value, out id)) return null;
                    row.Id = id;
                }
                else
                {
                    Setting setting = null;
                    for (int i = expected; i < all.Count && setting == null; i++)
                        if (KeyIs(text, start, eq, all[i].Column)) { setting = all[i]; expected = i + 1; }
                    setting = setting ?? SettingsDefinition.ByColumn(text.Substring(start, eq - start));
                    object columnValue;
                    if (setting == null || !setting.TryParse(value, out columnValue)) return null;
                    row[setting.Column] = columnValue;
                }
                start = end + 1;
            }
            return row.Id == Guid.Empty ? AdoptionSettings.FromRowWithoutId(row) : AdoptionSettings.FromRow(row);
        }

        private static bool KeyIs(string text, int start, int eq, string key) =>
            eq - start == key.Length && string.CompareOrdinal(text, start, key, 0, key.Length) == 0;
    }
}
