using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// Splits a $filter into tokens: names (with dots and slashes, so qualified functions and paths stay
/// whole), punctuation, and typed literals: 'text' ('' is a quote), numbers, true/false/null, GUIDs,
/// dates and date-times without quotes, as OData writes them.
/// </summary>
public static partial class FilterLexer
{
    public enum TokenKind { Name, Literal, Open, Close, Comma, End }

    public sealed record Token(TokenKind Kind, string Text, Literal? Literal, int Position);

    [GeneratedRegex(@"\G[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"\G\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})(?![\w:])")]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"\G\d{4}-\d{2}-\d{2}(?![\w:-])")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\G-?\d+(\.\d+)?([eE][+-]?\d+)?[mMdDfFlL]?(?![\w.])")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\G[A-Za-z_$@][\w.$/@]*")]
    private static partial Regex NamePattern();

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            var c = text[i];
            if (c == '(') { tokens.Add(new(TokenKind.Open, "(", null, i)); i++; continue; }
            if (c == ')') { tokens.Add(new(TokenKind.Close, ")", null, i)); i++; continue; }
            if (c == ',') { tokens.Add(new(TokenKind.Comma, ",", null, i)); i++; continue; }
            if (c == '\'') { tokens.Add(ReadString(text, ref i)); continue; }
            Match m;
            if ((m = GuidPattern().Match(text, i)).Success)
                tokens.Add(Lit(LiteralKind.Guid, Guid.Parse(m.Value), m.Value, i));
            else if ((m = DateTimePattern().Match(text, i)).Success)
                tokens.Add(Lit(LiteralKind.DateTimeOffset,
                    DateTimeOffset.Parse(m.Value, CultureInfo.InvariantCulture).UtcDateTime, m.Value, i));
            else if ((m = DatePattern().Match(text, i)).Success)
                tokens.Add(Lit(LiteralKind.Date,
                    DateTime.SpecifyKind(DateTime.ParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc), m.Value, i));
            else if ((m = NumberPattern().Match(text, i)).Success)
                tokens.Add(Number(m.Value, i));
            else if ((m = NamePattern().Match(text, i)).Success)
                tokens.Add(m.Value switch
                {
                    "true" => Lit(LiteralKind.Boolean, true, m.Value, i),
                    "false" => Lit(LiteralKind.Boolean, false, m.Value, i),
                    "null" => Lit(LiteralKind.Null, null, m.Value, i),
                    _ => new Token(TokenKind.Name, m.Value, null, i),
                });
            else
                throw WebApiException.BadRequest($"Syntax error at position {i} in '{text}'.");
            i += m.Length;
        }
        tokens.Add(new(TokenKind.End, "", null, text.Length));
        return tokens;
    }

    private static Token Lit(LiteralKind kind, object? value, string text, int position) => new(TokenKind.Literal, text, new Literal(kind, value, text), position);

    private static Token Number(string text, int position)
    {
        var body = char.IsLetter(text[^1]) ? text[..^1] : text;
        if (!body.Contains('.') && !body.Contains('e') && !body.Contains('E') && long.TryParse(body, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            return Lit(LiteralKind.Integer, whole, text, position);
        if (decimal.TryParse(body, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return Lit(LiteralKind.Decimal, number, text, position);
        throw WebApiException.BadRequest($"The number '{text}' at position {position} is out of range.");
    }

    private static Token ReadString(string text, ref int i)
    {
        var start = i;
        var sb = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= text.Length) throw WebApiException.BadRequest($"Unterminated string literal at position {start} in '{text}'.");
            if (text[i] == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'') { sb.Append('\''); i += 2; continue; }
                i++;
                break;
            }
            sb.Append(text[i++]);
        }
        return Lit(LiteralKind.String, sb.ToString(), text[start..i], start);
    }
}
