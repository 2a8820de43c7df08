using System;
using System.Collections.Generic;
using System.Globalization;
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
        public static List<KeyValuePair<string, string>> Write(Entity row)
        {
            var pairs = new List<KeyValuePair<string, string>>();
            foreach (var column in row.Attributes) pairs.Add(new KeyValuePair<string, string>(column.Key, Value(column.Value)));
            return pairs;
        }

        /// <summary>The row of <paramref name="table"/> and <paramref name="id"/> with the columns of <paramref name="pairs"/>; null if a value is unreadable.</summary>
        public static Entity Read(string table, Guid id, IEnumerable<KeyValuePair<string, string>> pairs)
        {
            var row = new Entity(table, id);
            foreach (var pair in pairs)
            {
                object value;
                if (!TryValue(pair.Value, out value)) return null;
                row[pair.Key] = value;
            }
            return row;
        }

        private static string Value(object value)
        {
            var c = CultureInfo.InvariantCulture;
            if (value == null) return "n:";
            if (value is string) return "s:" + (string)value;
            if (value is int) return "i:" + ((int)value).ToString(c);
            if (value is bool) return "b:" + ((bool)value ? "1" : "0");
            if (value is DateTime) return "t:" + ((DateTime)value).ToUniversalTime().Ticks.ToString(c);
            if (value is Guid) return "g:" + ((Guid)value).ToString("N");
            var reference = value as EntityReference;
            if (reference != null) return "r:" + reference.LogicalName + "/" + reference.Id.ToString("N");
            var option = value as OptionSetValue;
            if (option != null) return "o:" + option.Value.ToString(c);
            throw new InvalidPluginExecutionException("A planned write carries a value of type " + value.GetType().Name + ", which EntityText does not write.");
        }

        private static bool TryValue(string text, out object value)
        {
            value = null;
            var c = CultureInfo.InvariantCulture;
            if (text == null || text.Length < 2 || text[1] != ':') return false;
            string body = text.Substring(2);
            int whole;
            long ticks;
            Guid id;
            switch (text[0])
            {
                case 'n': return true;
                case 's': value = body; return true;
                case 'i': if (!int.TryParse(body, NumberStyles.Integer, c, out whole)) return false; value = whole; return true;
                case 'b': value = body == "1"; return body == "1" || body == "0";
                case 't':
                    if (!long.TryParse(body, NumberStyles.Integer, c, out ticks) || ticks < 0 || ticks > DateTime.MaxValue.Ticks) return false;
                    value = new DateTime(ticks, DateTimeKind.Utc);
                    return true;
                case 'g': if (!Guid.TryParseExact(body, "N", out id)) return false; value = id; return true;
                case 'o': if (!int.TryParse(body, NumberStyles.Integer, c, out whole)) return false; value = new OptionSetValue(whole); return true;
                case 'r':
                    int slash = body.IndexOf('/');
                    if (slash <= 0 || !Guid.TryParseExact(body.Substring(slash + 1), "N", out id)) return false;
                    value = new EntityReference(body.Substring(0, slash), id);
                    return true;
                default: return false;
            }
        }
    }
}
