using System.Globalization;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// The OData preferences Dataverse honours on reads: <c>odata.maxpagesize=N</c> (default and
/// maximum 5000; larger asks are ignored) and <c>odata.include-annotations="pattern,…"</c>
/// ("*", "OData.Community.Display.V1.FormattedValue", "Microsoft.Dynamics.CRM.*", "-x" to exclude).
/// </summary>
public sealed class PreferHeader
{
    public const int DefaultPageSize = 5000;

    private readonly List<string> _include = new();
    private readonly List<string> _exclude = new();

    public const string ReturnRepresentationToken = "return=representation";
    public const string ContinueOnErrorToken = "odata.continue-on-error";

    public int? MaxPageSize { get; private set; }
    public string? IncludeAnnotations { get; private set; }

    /// <summary>return=representation: a write answers with the row (201/200) instead of 204.</summary>
    public bool ReturnRepresentation { get; private set; }

    /// <summary>odata.continue-on-error: a $batch goes on after a failed request or change set.</summary>
    public bool ContinueOnError { get; private set; }

    /// <summary>The page size in force: the asked one when 1..5000, otherwise 5000.</summary>
    public int PageSize => MaxPageSize is int n && n > 0 && n <= DefaultPageSize ? n : DefaultPageSize;

    public static PreferHeader Parse(IEnumerable<string?> values)
    {
        var prefer = new PreferHeader();
        foreach (var header in values)
        foreach (var raw in SplitOutsideQuotes(header ?? "", ','))
        {
            var part = raw.Trim();
            if (part.Equals(ReturnRepresentationToken, StringComparison.OrdinalIgnoreCase)) prefer.ReturnRepresentation = true;
            if (part.Equals(ContinueOnErrorToken, StringComparison.OrdinalIgnoreCase)) prefer.ContinueOnError = true;
            var eq = part.IndexOf('=');
            if (eq < 0) continue;
            var name = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim().Trim('"');
            if (name.Equals("odata.maxpagesize", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size))
                prefer.MaxPageSize = size;
            else if (name.Equals("odata.include-annotations", StringComparison.OrdinalIgnoreCase))
            {
                prefer.IncludeAnnotations = value;
                foreach (var pattern in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    if (pattern.StartsWith('-')) prefer._exclude.Add(pattern[1..]); else prefer._include.Add(pattern);
            }
        }
        return prefer;
    }

    /// <summary>Whether the annotation term (e.g. OData.Community.Display.V1.FormattedValue) was asked for.</summary>
    public bool Wants(string term) => _include.Any(p => Matches(p, term)) && !_exclude.Any(p => Matches(p, term));

    public bool WantsFormattedValues => Wants("OData.Community.Display.V1.FormattedValue");
    public bool WantsLookupLogicalName => Wants("Microsoft.Dynamics.CRM.lookuplogicalname");
    public bool WantsNavigationProperty => Wants("Microsoft.Dynamics.CRM.associatednavigationproperty");

    private static bool Matches(string pattern, string term) =>
        pattern == "*" || pattern.EndsWith(".*", StringComparison.Ordinal)
            ? pattern == "*" || term.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
            : pattern.Equals(term, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> SplitOutsideQuotes(string text, char separator)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"') quoted = !quoted;
            else if (text[i] == separator && !quoted)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        yield return text[start..];
    }
}
