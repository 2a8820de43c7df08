using System.Text;
using System.Text.RegularExpressions;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// SQL LIKE patterns as Dataverse documents them for like, begins-with and ends-with: % any run,
/// _ one character, [set] / [a-z] one of, [^set] none of; a wildcard inside brackets is literal.
/// Case-insensitive, like the platform's default collation.
/// </summary>
public static class SqlLikePattern
{
    public static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '%': regex.Append(".*"); break;
                case '_': regex.Append('.'); break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0) { regex.Append(@"\["); break; }
                    var set = pattern.Substring(i + 1, close - i - 1);
                    regex.Append(ToCharacterClass(set));
                    i = close;
                    break;
                default: regex.Append(Regex.Escape(c.ToString())); break;
            }
        }
        regex.Append('$');
        return new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    private static string ToCharacterClass(string set)
    {
        if (set.Length == 0) return @"\[\]";
        var negate = set[0] == '^';
        var body = new StringBuilder();
        for (var i = negate ? 1 : 0; i < set.Length; i++)
        {
            var c = set[i];
            // A dash between two characters is a range; anything else (including % and _) is literal.
            if (c == '-' && i > (negate ? 1 : 0) && i < set.Length - 1) body.Append('-');
            else if (c is '\\' or ']' or '[' or '^' or '-') body.Append('\\').Append(c);
            else body.Append(c);
        }
        return (negate ? "[^" : "[") + body + "]";
    }
}
