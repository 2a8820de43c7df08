using System.Globalization;
using System.Text;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// The resource part of a Web API URL after <c>/api/data/v9.2/</c>: an entity set, optionally one
/// row addressed by its id <c>accounts(&lt;guid&gt;)</c> or by alternate key
/// <c>accounts(accountnumber='A1',name='x')</c>. Deeper segments (a property, a navigation, a
/// function) are refused by name rather than misread.
/// </summary>
public sealed record ResourcePath(string EntitySet, Guid? Id, IReadOnlyList<KeyValuePair<string, string>>? Keys)
{
    public bool IsSingle => Id is not null || Keys is not null;

    public static ResourcePath Parse(string path)
    {
        var text = path; // already percent-decoded by the server
        var open = text.IndexOf('(');
        if (open < 0)
        {
            if (text.Contains('/')) throw WebApiException.NotImplemented($"the path segment '{text}'");
            return new ResourcePath(text, null, null);
        }
        var close = CloseOf(text, open);
        if (close < 0) throw WebApiException.BadRequest($"Bad Request - Error in query syntax: unbalanced parentheses in '{text}'.");
        var set = text[..open];
        if (close != text.Length - 1)
        {
            var rest = text[(close + 1)..];
            throw WebApiException.NotImplemented($"the path segment '{rest}' after '{text[..(close + 1)]}' (properties, navigation and functions)");
        }
        var inner = text[(open + 1)..close].Trim();
        if (inner.Length == 0) throw WebApiException.NotImplemented($"the function or action '{set}()'");
        if (Guid.TryParseExact(inner, "D", out var id)) return new ResourcePath(set, id, null);
        return new ResourcePath(set, null, ParseKeys(inner));
    }

    /// <summary>name='text' | name=123 | name=&lt;guid&gt; pairs, comma-separated; '' escapes a quote.</summary>
    private static List<KeyValuePair<string, string>> ParseKeys(string text)
    {
        var keys = new List<KeyValuePair<string, string>>();
        var i = 0;
        while (i < text.Length)
        {
            var eq = text.IndexOf('=', i);
            if (eq < 0) throw WebApiException.BadRequest($"The key '{text}' is not a row id (a GUID without braces) nor name=value pairs.");
            var name = text[i..eq].Trim();
            i = eq + 1;
            string value;
            if (i < text.Length && text[i] == '\'')
            {
                var sb = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length) throw WebApiException.BadRequest($"Unterminated string literal in key '{text}'.");
                    if (text[i] == '\'')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '\'') { sb.Append('\''); i += 2; continue; }
                        i++;
                        break;
                    }
                    sb.Append(text[i++]);
                }
                value = sb.ToString();
            }
            else
            {
                var comma = text.IndexOf(',', i);
                value = (comma < 0 ? text[i..] : text[i..comma]).Trim();
                i = comma < 0 ? text.Length : comma;
                if (!decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !Guid.TryParse(value, out _))
                    throw WebApiException.BadRequest($"The key value '{value}' of '{name}' is not a quoted string, a number or a GUID.");
            }
            keys.Add(new(name, value));
            while (i < text.Length && text[i] == ' ') i++;
            if (i < text.Length)
            {
                if (text[i] != ',') throw WebApiException.BadRequest($"Expected ',' between key values in '{text}'.");
                i++;
            }
        }
        return keys;
    }

    private static int CloseOf(string text, int open)
    {
        var inString = false;
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\'') inString = !inString; // '' toggles twice: still right
            else if (text[i] == ')' && !inString) return i;
        }
        return -1;
    }
}
