using System.Text;

namespace AdoptionCrm.Plugins.Infrastructure
{
    /// <summary>
    /// Escapes a value for a flat "key=value" text: only '%' and the text's two separators become %XX, the rest
    /// stays as it is, so a value without them is returned unchanged and a nested text grows by a few characters,
    /// not by a third. Uri.UnescapeDataString reads it back, and reads the fully escaped form
    /// (Uri.EscapeDataString) that texts written before used, so old and new texts read the same.
    /// </summary>
    public static class SeparatorEscape
    {
        public static string Escape(string value, char pairSeparator, char equal)
        {
            var specials = new[] { '%', pairSeparator, equal };
            var next = value.IndexOfAny(specials);
            if (next < 0) return value;
            var text = new StringBuilder(value.Length + 32);
            var start = 0;
            while (next >= 0)
            {
                text.Append(value, start, next - start).Append('%').Append(Hex[value[next] >> 4]).Append(Hex[value[next] & 0xF]);
                start = next + 1;
                next = value.IndexOfAny(specials, start);
            }
            return text.Append(value, start, value.Length - start).ToString();
        }

        /// <summary>The value <see cref="Escape"/> (or Uri.EscapeDataString) wrote; a value without an escape is returned as it is.</summary>
        public static string Unescape(string text) => text.IndexOf('%') < 0 ? text : System.Uri.UnescapeDataString(text);

        private const string Hex = "0123456789ABCDEF";
    }
}
