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
            if (value.IndexOf('%') < 0 && value.IndexOf(pairSeparator) < 0 && value.IndexOf(equal) < 0) return value;
            var text = new StringBuilder(value.Length + 16);
            foreach (var c in value)
            {
                if (c == '%' || c == pairSeparator || c == equal) text.Append('%').Append(((int)c).ToString("X2"));
                else text.Append(c);
            }
            return text.ToString();
        }
    }
}
