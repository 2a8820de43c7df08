using System;
using System.Collections.Generic;
using AdoptionCrm.Plugins.Infrastructure;

namespace AdoptionCrm.Plugins.Handover
{
    /// <summary>
    /// The "key=value" pairs of a hand-over text (HandoverText), found with one pass and read in place: a key is
    /// compared where it stands, and only a value asked for becomes a string (unescaped when it holds an escape).
    /// A hand-over is read on every signup and a plan holds some thirty pairs, most of them read once.
    /// As a dictionary would, a key given twice reads as its last value, in Get and in After alike.
    /// </summary>
    public sealed class PairText
    {
        private readonly string _text;
        // Per pair: where its key starts, where its '=' is, where its value ends.
        private readonly int[] _bounds;

        private PairText(string text, int[] bounds, int count)
        {
            _text = text;
            _bounds = bounds;
            Count = count;
        }

        public int Count { get; private set; }

        /// <summary>The pairs, or null when the text is empty or a pair has no '=' or an empty key.</summary>
        public static PairText Read(string text, char pairSeparator, char equal)
        {
            if (string.IsNullOrEmpty(text)) return null;
            var pairs = 1;
            for (var at = text.IndexOf(pairSeparator); at >= 0; at = text.IndexOf(pairSeparator, at + 1)) pairs++;
            var bounds = new int[pairs * 3];
            var start = 0;
            for (var i = 0; i < pairs; i++)
            {
                var end = text.IndexOf(pairSeparator, start);
                if (end < 0) end = text.Length;
                var eq = text.IndexOf(equal, start, end - start);
                if (eq <= start) return null;
                bounds[i * 3] = start;
                bounds[i * 3 + 1] = eq;
                bounds[i * 3 + 2] = end;
                start = end + 1;
            }
            return new PairText(text, bounds, pairs);
        }

        /// <summary>The value of <paramref name="key"/>, or null when it is absent.</summary>
        public string Get(string key)
        {
            var i = IndexOf(key);
            return i < 0 ? null : Value(i);
        }

        public bool Has(string key) => IndexOf(key) >= 0;

        /// <summary>The pairs whose key is <paramref name="prefix"/> and more, as (the rest of the key, value), in text order; a repeated key once, with its last value.</summary>
        public List<KeyValuePair<string, string>> After(string prefix)
        {
            var found = new List<KeyValuePair<string, string>>();
            for (var i = 0; i < Count; i++)
            {
                int start = _bounds[i * 3], length = _bounds[i * 3 + 1] - start;
                if (length <= prefix.Length || string.CompareOrdinal(_text, start, prefix, 0, prefix.Length) != 0 || Later(i)) continue;
                found.Add(new KeyValuePair<string, string>(_text.Substring(start + prefix.Length, length - prefix.Length), Value(i)));
            }
            return found;
        }

        // Whether a later pair has pair i's key (then that one stands for it).
        private bool Later(int i)
        {
            int start = _bounds[i * 3], length = _bounds[i * 3 + 1] - start;
            for (var j = i + 1; j < Count; j++)
            {
                int other = _bounds[j * 3];
                if (_bounds[j * 3 + 1] - other == length && string.CompareOrdinal(_text, start, _text, other, length) == 0) return true;
            }
            return false;
        }

        private int IndexOf(string key)
        {
            for (var i = Count - 1; i >= 0; i--)
            {
                int start = _bounds[i * 3], length = _bounds[i * 3 + 1] - start;
                if (length == key.Length && string.CompareOrdinal(_text, start, key, 0, length) == 0) return i;
            }
            return -1;
        }

        private string Value(int i)
        {
            int from = _bounds[i * 3 + 1] + 1, to = _bounds[i * 3 + 2];
            return SeparatorEscape.Unescape(_text.Substring(from, to - from));
        }
    }
}
