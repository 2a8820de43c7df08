using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Settings
{
    /// <summary>
    /// One setting of the adopt_adoptionsettings row: its column, its name in simulate's JSON, its
    /// default, its range and its form label. Everything else about a setting (the settings object,
    /// the reader's column list, the text hand-over, the range checks, simulate's names) is derived from
    /// these, so adding a setting is one line in <see cref="SettingsDefinition"/>; a test holds the line
    /// to Solution/src (the column's type, range and label, and a field on the form).
    /// </summary>
    public sealed class Setting
    {
        private Setting(string column, string jsonName, SettingKind kind, object defaultValue, decimal? min, decimal? max, string label, string lookupTable)
        {
            Column = column;
            JsonName = jsonName;
            Kind = kind;
            Default = defaultValue;
            Min = min;
            Max = max;
            Label = label;
            LookupTable = lookupTable;
        }

        public string Column { get; private set; }
        public string JsonName { get; private set; }
        public SettingKind Kind { get; private set; }
        /// <summary>The value when no settings row exists or its column is empty (int, decimal, bool, string list or null).</summary>
        public object Default { get; private set; }
        public decimal? Min { get; private set; }
        public decimal? Max { get; private set; }
        /// <summary>The column's display name, as the form shows it.</summary>
        public string Label { get; private set; }
        /// <summary>The table a lookup setting points at.</summary>
        public string LookupTable { get; private set; }
        /// <summary>The setting's place in SettingsDefinition.All, where AdoptionSettings keeps its value.</summary>
        public int Ordinal { get; internal set; } = -1;

        /// <summary>
        /// A change of it alters what existing companies and accounts should show (the window, thresholds,
        /// weights): saving one requests a recompute from the leads, which the daily flow carries out (DailyRecompute).
        /// </summary>
        public bool ChangeNeedsRebuild { get; private set; }

        /// <summary>A change of it alters how every lead is classified (the exclusion switches): saving one queues every lead for relinking (RelinkQueue).</summary>
        public bool ChangeRelinksAll { get; private set; }

        /// <summary>
        /// A change of it alters how the leads at the domains it lists are classified (own domains): saving one queues
        /// the domains added and removed for relinking (RelinkQueue), not every lead.
        /// </summary>
        public bool ChangeRelinksItsDomains { get; private set; }

        /// <summary>Marks a domain-list setting as one whose change relinks the leads at the domains added or removed.</summary>
        public Setting RelinksItsDomainsOnChange()
        {
            ChangeRelinksItsDomains = true;
            return this;
        }

        /// <summary>Marks the setting as one whose change relinks every existing lead.</summary>
        public Setting RelinksAllOnChange()
        {
            ChangeRelinksAll = true;
            return this;
        }

        /// <summary>Marks the setting as one whose change requests a recompute from the leads.</summary>
        public Setting RebuildsOnChange()
        {
            ChangeNeedsRebuild = true;
            return this;
        }

        public static Setting Int(string column, string jsonName, int defaultValue, int min, int max, string label) =>
            new Setting(column, jsonName, SettingKind.Int, defaultValue, min, max, label, null);

        public static Setting Decimal(string column, string jsonName, decimal defaultValue, decimal min, decimal max, string label) =>
            new Setting(column, jsonName, SettingKind.Decimal, defaultValue, min, max, label, null);

        public static Setting Bool(string column, string jsonName, bool defaultValue, string label) =>
            new Setting(column, jsonName, SettingKind.Bool, defaultValue, null, null, label, null);

        public static Setting DomainList(string column, string jsonName, string label) =>
            new Setting(column, jsonName, SettingKind.DomainList, new string[0], null, null, label, null);

        public static Setting Lookup(string column, string jsonName, string table, string label) =>
            new Setting(column, jsonName, SettingKind.Lookup, null, null, null, label, table);

        /// <summary>The row's value for this setting, or the default when the row leaves it empty.</summary>
        public object ReadFrom(Entity row)
        {
            object value;
            if (row == null || !row.Attributes.TryGetValue(Column, out value) || value == null) return Default;
            switch (Kind)
            {
                case SettingKind.Int: return value is int ? value : Default;
                case SettingKind.Decimal: return value is decimal ? value : Default;
                case SettingKind.Bool: return value is bool ? value : Default;
                case SettingKind.DomainList:
                    var text = value as string;
                    return text == null ? Default : SplitList(text);
                default: return value as EntityReference;
            }
        }

        /// <summary>The value as invariant text (null for no value), the form <see cref="TryParse"/> reads.</summary>
        public string ToText(object value)
        {
            if (value == null) return null;
            var c = CultureInfo.InvariantCulture;
            switch (Kind)
            {
                case SettingKind.Int: return ((int)value).ToString(c);
                case SettingKind.Decimal: return ((decimal)value).ToString(c);
                case SettingKind.Bool: return (bool)value ? "1" : "0";
                case SettingKind.DomainList: return string.Join(",", (IReadOnlyList<string>)value);
                default: return ((EntityReference)value).Id.ToString();
            }
        }

        /// <summary>The column value <see cref="ToText"/> wrote, as the row would hold it; false when the text is not one.</summary>
        public bool TryParse(string text, out object columnValue)
        {
            columnValue = null;
            var c = CultureInfo.InvariantCulture;
            switch (Kind)
            {
                case SettingKind.Int:
                    int number;
                    if (!int.TryParse(text, NumberStyles.Integer, c, out number)) return false;
                    columnValue = number;
                    return true;
                case SettingKind.Decimal:
                    decimal amount;
                    if (!decimal.TryParse(text, NumberStyles.Number, c, out amount)) return false;
                    columnValue = amount;
                    return true;
                case SettingKind.Bool:
                    if (text != "1" && text != "0") return false;
                    columnValue = text == "1";
                    return true;
                case SettingKind.DomainList:
                    columnValue = text;
                    return true;
                default:
                    Guid id;
                    if (!Guid.TryParse(text, out id)) return false;
                    columnValue = new EntityReference(LookupTable, id);
                    return true;
            }
        }

        /// <summary>The problem with a value outside the column's range, naming the column; null when in range.</summary>
        public string RangeProblem(object value)
        {
            if (value == null || (Kind != SettingKind.Int && Kind != SettingKind.Decimal)) return null;
            decimal v = Kind == SettingKind.Int ? (int)value : (decimal)value;
            if (Min.HasValue && v < Min.Value) return Column + ": must be at least " + Min.Value.ToString(CultureInfo.InvariantCulture) + " (was " + v.ToString(CultureInfo.InvariantCulture) + ").";
            if (Max.HasValue && v > Max.Value) return Column + ": must be at most " + Max.Value.ToString(CultureInfo.InvariantCulture) + " (was " + v.ToString(CultureInfo.InvariantCulture) + ").";
            return null;
        }

        /// <summary>Own-domain lists are typed by people: one per line, or separated by ',', ';' or spaces.</summary>
        public static IReadOnlyList<string> SplitList(string text)
        {
            if (string.IsNullOrWhiteSpace(text)) return new string[0];
            return text.Split(new[] { '\r', '\n', ',', ';', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        }
    }
}
