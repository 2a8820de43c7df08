using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using AdoptionCrm.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Handover
{
    /// <summary>
    /// A row's columns as flat text, for a planned write carried inside a request (SignupPlan): "column=typed value"
    /// pairs, each value tagged with its type (s text, i whole number, b yes/no, t date-time as UTC ticks, r lookup as
    /// table/id, o choice, g unique identifier, n null). Only the types the engine's writes use; anything else is refused.
    /// </summary>
    public static class EntityText
    {
        /// <summary>
        /// The row's columns as pairs "prefix+column=typed value" after those already in <paramref name="text"/>; only a text
        /// value can hold the separators, and only it is escaped (SeparatorEscape), so the pairs read back with one pass.
        /// </summary>
        public static void Append(StringBuilder text, string prefix, Entity row, char pairSeparator, char equal)
        {
            var c = CultureInfo.InvariantCulture;
            foreach (var column in row.Attributes)
            {
                if (text.Length > 0) text.Append(pairSeparator);
                text.Append(prefix).Append(column.Key).Append(equal);
                object value = column.Value;
                if (value == null) { text.Append("n:"); continue; }
                if (value is string) { text.Append("s:").Append(SeparatorEscape.Escape((string)value, pairSeparator, equal)); continue; }
                if (value is int) { text.Append("i:").Append(((int)value).ToString(c)); continue; }
                if (value is bool) { text.Append((bool)value ? "b:1" : "b:0"); continue; }
                if (value is DateTime) { text.Append("t:").Append(((DateTime)value).ToUniversalTime().Ticks.ToString(c)); continue; }
                if (value is Guid) { text.Append("g:").Append(((Guid)value).ToString("N")); continue; }
                var reference = value as EntityReference;
                if (reference != null) { text.Append("r:").Append(reference.LogicalName).Append('/').Append(reference.Id.ToString("N")); continue; }
                var option = value as OptionSetValue;
                if (option != null) { text.Append("o:").Append(option.Value.ToString(c)); continue; }
                throw new InvalidPluginExecutionException("A planned write carries a value of type " + value.GetType().Name + ", which EntityText does not write.");
            }
        }

        /// <summary>The row of <paramref name="table"/> and <paramref name="id"/> with these (column, typed value) pairs; null if a value is unreadable.</summary>
        public static Entity Read(string table, Guid id, IEnumerable<KeyValuePair<string, string>> columns)
        {
            var row = new Entity(table, id);
            foreach (var pair in columns)
            {
                object value;
                if (!TryValue(pair.Value, out value)) return null;
                row[pair.Key] = value;
            }
            return row;
        }

        // Numbers and yes/no are read in place; only a text, a lookup and an id make strings.
        private static bool TryValue(string text, out object value)
        {
            value = null;
            if (text == null || text.Length < 2 || text[1] != ':') return false;
            long number;
            Guid id;
            switch (text[0])
            {
                case 'n': return text.Length == 2;
                case 's': value = text.Substring(2); return true;
                case 'i': if (!TryInteger(text, 2, out number) || number < int.MinValue || number > int.MaxValue) return false; value = (int)number; return true;
                case 'b': if (text.Length != 3 || (text[2] != '1' && text[2] != '0')) return false; value = text[2] == '1'; return true;
                case 't':
                    if (!TryInteger(text, 2, out number) || number < 0 || number > DateTime.MaxValue.Ticks) return false;
                    value = new DateTime(number, DateTimeKind.Utc);
                    return true;
                case 'g': if (!Guid.TryParseExact(text.Substring(2), "N", out id)) return false; value = id; return true;
                case 'o': if (!TryInteger(text, 2, out number) || number < int.MinValue || number > int.MaxValue) return false; value = new OptionSetValue((int)number); return true;
                case 'r':
                    int slash = text.IndexOf('/', 2);
                    if (slash <= 2 || !Guid.TryParseExact(text.Substring(slash + 1), "N", out id)) return false;
                    value = new EntityReference(text.Substring(2, slash - 2), id);
                    return true;
                default: return false;
            }
        }

        // An optionally signed run of decimal digits filling the text from start, as Append writes a number; false on
        // anything else or past a long's range.
        private static bool TryInteger(string text, int start, out long number)
        {
            number = 0;
            bool negative = start < text.Length && text[start] == '-';
            int at = negative ? start + 1 : start;
            if (at >= text.Length) return false;
            for (; at < text.Length; at++)
            {
                int digit = text[at] - '0';
                if (digit < 0 || digit > 9) return false;
                if (number > (long.MaxValue - digit) / 10) return false;
                number = number * 10 + digit;
            }
            if (negative) number = -number;
            return true;
        }
    }
}
