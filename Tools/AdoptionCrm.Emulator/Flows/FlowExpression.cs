using System.Globalization;

namespace AdoptionCrm.Emulator.Flows;

/// <summary>
/// The part of the workflow definition language's expressions a flow of ours may use
/// (learn.microsoft.com/azure/logic-apps/workflow-definition-language-functions-reference): a value is an
/// expression when it starts with "@" ("@@" escapes a literal @); functions variables, outputs, body,
/// parameters, coalesce, empty, equals, not, and, or, concat, string, int, add; accessors ['x'] and ?['x'],
/// where 'body/Cookie' walks the path. Any other function, or string interpolation "@{…}", is refused
/// by name rather than evaluated wrongly.
/// </summary>
public sealed class FlowExpression
{
    private readonly string _text;
    private readonly Func<string, string, object?> _lookup;
    private int _at;

    private FlowExpression(string text, Func<string, string, object?> lookup)
    {
        _text = text;
        _lookup = lookup;
    }

    /// <summary>A JSON value with the expressions in it evaluated. <paramref name="lookup"/>(function, name) answers variables, outputs, body and parameters.</summary>
    public static object? Evaluate(object? value, Func<string, string, object?> lookup)
    {
        switch (value)
        {
            case string s when s.StartsWith("@@", StringComparison.Ordinal): return s[1..];
            case string s when s.Contains("@{", StringComparison.Ordinal): throw new NotSupportedException($"string interpolation is not emulated: {s}");
            case string s when s.StartsWith('@'):
                var e = new FlowExpression(s[1..], lookup);
                var result = e.Expr();
                e.Skip();
                if (e._at != e._text.Length) throw new FormatException($"unexpected '{e._text[e._at..]}' in {s}");
                return result;
            case Dictionary<string, object?> map: return map.ToDictionary(p => p.Key, p => Evaluate(p.Value, lookup));
            case List<object?> list: return list.Select(v => Evaluate(v, lookup)).ToList();
            default: return value;
        }
    }

    private object? Expr()
    {
        Skip();
        object? value;
        if (Peek('\'')) value = Text();
        else if (_at < _text.Length && (char.IsDigit(_text[_at]) || _text[_at] == '-')) value = Number();
        else
        {
            var name = Identifier();
            if (name is "true" or "false") value = name == "true";
            else if (name == "null") value = null;
            else
            {
                Expect('(');
                var args = new List<object?>();
                Skip();
                if (!Peek(')')) do { args.Add(Expr()); Skip(); } while (Take(','));
                Expect(')');
                value = Call(name, args);
            }
        }
        while (true)
        {
            Skip();
            bool optional = Take('?');
            if (!Take('[')) { if (optional) throw new FormatException("'?' must be followed by '['"); return value; }
            var key = Expr();
            Skip();
            Expect(']');
            value = Member(value, Convert.ToString(key, CultureInfo.InvariantCulture) ?? "", optional);
        }
    }

    private object? Call(string name, List<object?> a) => name switch
    {
        "variables" or "outputs" or "body" or "parameters" => _lookup(name, (string)a[0]!),
        "coalesce" => a.FirstOrDefault(v => v is not null),
        "empty" => a[0] switch { null => true, string s => s.Length == 0, System.Collections.ICollection c => c.Count == 0, _ => false },
        "equals" => Equals(Normalize(a[0]), Normalize(a[1])),
        "not" => !(bool)a[0]!,
        "and" => a.All(v => (bool)v!),
        "or" => a.Any(v => (bool)v!),
        "concat" => string.Concat(a.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))),
        "string" => Convert.ToString(a[0], CultureInfo.InvariantCulture) ?? "",
        "int" => Convert.ToInt64(a[0], CultureInfo.InvariantCulture),
        "add" => Convert.ToDecimal(a[0], CultureInfo.InvariantCulture) + Convert.ToDecimal(a[1], CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"expression function {name}() is not emulated"),
    };

    private static object? Member(object? value, string key, bool optional)
    {
        foreach (var part in key.Split('/'))
        {
            if (value is Dictionary<string, object?> map && map.TryGetValue(part, out var next)) value = next;
            else if (value is null || value is Dictionary<string, object?>)
            {
                if (!optional) throw new KeyNotFoundException($"property '{part}' does not exist");
                return null;
            }
            else throw new InvalidOperationException($"cannot select '{part}' from a {value.GetType().Name}");
        }
        return value;
    }

    private static object? Normalize(object? v) => v switch { int i => (decimal)i, long l => (decimal)l, double d => (decimal)d, _ => v };

    private string Text()
    {
        Expect('\'');
        var sb = new System.Text.StringBuilder();
        while (true)
        {
            if (_at >= _text.Length) throw new FormatException("unterminated string");
            var c = _text[_at++];
            if (c == '\'') { if (Peek('\'')) { _at++; sb.Append('\''); continue; } return sb.ToString(); }
            sb.Append(c);
        }
    }

    private decimal Number()
    {
        int start = _at;
        if (_text[_at] == '-') _at++;
        while (_at < _text.Length && (char.IsDigit(_text[_at]) || _text[_at] == '.')) _at++;
        return decimal.Parse(_text[start.._at], CultureInfo.InvariantCulture);
    }

    private string Identifier()
    {
        int start = _at;
        while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] == '_')) _at++;
        if (_at == start) throw new FormatException($"expected a function name at '{_text[start..]}'");
        return _text[start.._at];
    }

    private void Skip() { while (_at < _text.Length && char.IsWhiteSpace(_text[_at])) _at++; }
    private bool Peek(char c) => _at < _text.Length && _text[_at] == c;
    private bool Take(char c) { if (!Peek(c)) return false; _at++; return true; }
    private void Expect(char c) { Skip(); if (!Take(c)) throw new FormatException($"expected '{c}' at {_at} in @{_text}"); }
}
