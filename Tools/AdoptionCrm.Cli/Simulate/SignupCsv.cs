using System.Globalization;

namespace AdoptionCrm.Cli.Simulate;

/// <summary>
/// simulate's --leads file: header email,firstname,lastname,jobtitle,createdon and optional
/// usage,invitations. createdon is ISO 8601; without an offset it is taken as UTC. An empty email is
/// kept (its outcome is no-email); a row without a valid createdon or with a non-integer count is skipped.
/// </summary>
public static class SignupCsv
{
    public static readonly string[] Required = { "email", "firstname", "lastname", "jobtitle", "createdon" };
    public static readonly string[] Optional = { "usage", "invitations" };

    public static List<SignupInput> Read(string path, List<InputProblem> problems)
    {
        var name = Path.GetFileName(path);
        var result = new List<SignupInput>();
        foreach (var record in CsvRecords.Read(path, Required, Optional, problems))
        {
            var f = record.Fields;
            if (!TryParseInstant(f["createdon"], out var createdOn))
            {
                problems.Add(new InputProblem(name, record.Line, f["createdon"].Length == 0 ? "createdon is empty" : $"createdon '{f["createdon"]}' is not an ISO 8601 date-time"));
                continue;
            }
            if (!TryCount(f, "usage", out var usage) || !TryCount(f, "invitations", out var invitations))
            {
                problems.Add(new InputProblem(name, record.Line, "usage and invitations must be whole numbers ≥ 0"));
                continue;
            }
            result.Add(new SignupInput(record.Line, Empty(f["email"]), Empty(f["firstname"]), Empty(f["lastname"]), Empty(f["jobtitle"]), createdOn, usage, invitations));
        }
        return result;
    }

    public static bool TryParseInstant(string text, out DateTime utc)
    {
        var ok = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value);
        // Only ISO 8601 shapes (2025-03-01, 2025-03-01T09:30:00Z, ...): reject "03/01/2025", whose day/month order is a guess.
        ok = ok && text.Trim().Length >= 10 && text.Trim()[4] == '-' && text.Trim()[7] == '-';
        utc = ok ? value.UtcDateTime : default;
        return ok;
    }

    private static bool TryCount(IReadOnlyDictionary<string, string> fields, string column, out int? value)
    {
        value = null;
        if (!fields.TryGetValue(column, out var text) || text.Length == 0) return true;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) return false;
        value = parsed;
        return true;
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;
}
