using static AdoptionCrm.Emulator.WebApi.FilterLexer;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// Recursive-descent parser for the $filter subset: <c>or</c> binds looser than <c>and</c>, which
/// binds looser than <c>not</c>; parentheses group; comparisons are property-vs-literal. Every
/// other OData construct (arithmetic, lambdas, other functions, Dataverse query functions) is
/// refused with its name, never silently ignored.
/// </summary>
public sealed class FilterParser
{
    private static readonly HashSet<string> Comparisons = new(StringComparer.Ordinal) { "eq", "ne", "gt", "ge", "lt", "le" };
    private static readonly HashSet<string> StringFunctions = new(StringComparer.Ordinal) { "contains", "startswith", "endswith" };
    private static readonly HashSet<string> Arithmetic = new(StringComparer.Ordinal) { "add", "sub", "mul", "div", "mod", "has", "in" };

    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _pos;

    private FilterParser(string text)
    {
        _text = text;
        _tokens = Tokenize(text);
    }

    public static FilterNode Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw WebApiException.BadRequest("The $filter query option is empty.");
        // Dataverse query functions (Microsoft.Dynamics.CRM.Today(PropertyName='x'), …) use a
        // parameter syntax this parser does not read; name them before the lexer trips on it.
        var function = System.Text.RegularExpressions.Regex.Match(text, @"Microsoft\.Dynamics\.CRM\.\w+(?=\s*\()");
        if (function.Success) throw WebApiException.NotImplemented($"the query function {function.Value} in $filter");
        var parser = new FilterParser(text);
        var node = parser.ParseOr();
        if (parser.Peek.Kind != TokenKind.End) throw parser.Error($"unexpected '{parser.Peek.Text}'");
        return node;
    }

    private Token Peek => _tokens[_pos];

    // Never moves past End, so a filter that stops short reports a syntax error instead of running off the list.
    private Token Next() => _tokens[_pos].Kind == TokenKind.End ? _tokens[_pos] : _tokens[_pos++];

    private bool IsWord(string word) => Peek.Kind == TokenKind.Name && Peek.Text == word;

    private FilterNode ParseOr()
    {
        var left = ParseAnd();
        while (IsWord("or")) { Next(); left = new OrNode(left, ParseAnd()); }
        return left;
    }

    private FilterNode ParseAnd()
    {
        var left = ParseUnary();
        while (IsWord("and")) { Next(); left = new AndNode(left, ParseUnary()); }
        return left;
    }

    private FilterNode ParseUnary()
    {
        if (IsWord("not")) { Next(); return new NotNode(ParseUnary()); }
        return ParsePrimary();
    }

    private FilterNode ParsePrimary()
    {
        var token = Peek;
        if (token.Kind == TokenKind.Open)
        {
            Next();
            var inner = ParseOr();
            Expect(TokenKind.Close, "')'");
            return inner;
        }
        if (token.Kind == TokenKind.End) throw Error("expected a condition, found the end of the filter");
        if (token.Kind == TokenKind.Name && _tokens[_pos + 1].Kind == TokenKind.Open) return ParseFunction();
        return ParseComparison();
    }

    private FilterNode ParseFunction()
    {
        var name = Next().Text;
        if (name.StartsWith("Microsoft.Dynamics.CRM.", StringComparison.Ordinal))
            throw WebApiException.NotImplemented($"the query function {name} in $filter");
        if (!StringFunctions.Contains(name)) throw WebApiException.NotImplemented($"the function '{name}' in $filter");
        Expect(TokenKind.Open, "'('");
        var property = ExpectProperty();
        Expect(TokenKind.Comma, "','");
        var argument = Next();
        if (argument.Literal is not { Kind: LiteralKind.String } literal)
            throw Error($"{name} needs a string literal as its second argument, not '{argument.Text}'");
        Expect(TokenKind.Close, "')'");
        if (Peek.Kind == TokenKind.Name && Comparisons.Contains(Peek.Text))
            throw WebApiException.NotImplemented($"comparing the result of {name}() (write {name}(...) or not {name}(...))");
        return new StringFunctionNode(name, property, literal);
    }

    private FilterNode ParseComparison()
    {
        var left = Next();
        if (Peek.Kind != TokenKind.Name || !Comparisons.Contains(Peek.Text))
        {
            if (Peek.Kind == TokenKind.Name && Arithmetic.Contains(Peek.Text)) throw WebApiException.NotImplemented($"the '{Peek.Text}' operator in $filter");
            throw Error(Peek.Kind == TokenKind.End ? $"expected a comparison operator after '{left.Text}'" : $"expected eq, ne, gt, ge, lt or le after '{left.Text}', found '{Peek.Text}'");
        }
        var op = Next().Text;
        var right = Next();
        if (right.Kind == TokenKind.Name && Peek.Kind == TokenKind.Open) throw WebApiException.NotImplemented($"the function '{right.Text}' in $filter");
        if (left.Kind == TokenKind.Name && right.Literal is { } value) return new CompareNode(CheckPath(left.Text), op, value);
        if (left.Literal is { } leftValue && right.Kind == TokenKind.Name) return new CompareNode(CheckPath(right.Text), Mirror(op), leftValue);
        if (left.Kind == TokenKind.Name && right.Kind == TokenKind.Name) throw WebApiException.NotImplemented("comparing two columns in $filter");
        throw Error($"the comparison '{left.Text} {op} {right.Text}' needs a property on one side and a literal on the other");
    }

    private string ExpectProperty()
    {
        var token = Next();
        if (token.Kind != TokenKind.Name) throw Error($"expected a property name, found '{token.Text}'");
        return CheckPath(token.Text);
    }

    private static string CheckPath(string name)
    {
        if (name.Contains('/')) throw WebApiException.NotImplemented($"the navigation path '{name}' in $filter (lambda and related-table filters)");
        return name;
    }

    private static string Mirror(string op) => op switch { "gt" => "lt", "lt" => "gt", "ge" => "le", "le" => "ge", _ => op };

    private void Expect(TokenKind kind, string what)
    {
        if (Peek.Kind != kind) throw Error($"expected {what}, found '{(Peek.Kind == TokenKind.End ? "end of filter" : Peek.Text)}'");
        Next();
    }

    private WebApiException Error(string what) =>
        WebApiException.BadRequest($"Syntax error in $filter at position {Peek.Position}: {what}. Filter: '{_text}'.");
}
