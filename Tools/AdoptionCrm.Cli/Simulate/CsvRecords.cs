using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace AdoptionCrm.Cli.Simulate;

/// <summary>
/// Reads a CSV file with CsvHelper into (line, field → value) records, checking the header against
/// the columns a contract allows. A record's line is the file line it starts on (quoted fields may
/// span lines). Rows with the wrong number of fields or malformed quoting are reported, not returned.
/// </summary>
public static class CsvRecords
{
    public sealed record Record(int Line, IReadOnlyDictionary<string, string> Fields);

    public static List<Record> Read(string path, IReadOnlyCollection<string> required, IReadOnlyCollection<string> optional, List<InputProblem> problems)
    {
        var name = Path.GetFileName(path);
        string? badData = null;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            TrimOptions = TrimOptions.Trim,
            DetectColumnCountChanges = false,
            BadDataFound = args => badData ??= "malformed quoting near \"" + Shorten(args.RawRecord) + "\"",
            MissingFieldFound = null,
        };
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, config);
        if (!csv.Read()) throw new InvalidDataException($"{name} is empty: expected a header line {string.Join(",", required)}");
        csv.ReadHeader();
        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var missing = required.Where(r => !header.Contains(r)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"{name}: header lacks column(s) {string.Join(", ", missing)} (expected {string.Join(",", required)}[,{string.Join(",", optional)}])");
        var unknown = header.Where(h => !required.Contains(h) && !optional.Contains(h)).ToList();
        if (unknown.Count > 0) throw new InvalidDataException($"{name}: unknown column(s) {string.Join(", ", unknown)} (expected {string.Join(",", required)}[,{string.Join(",", optional)}])");

        var records = new List<Record>();
        var lastLine = csv.Parser.RawRow;
        while (csv.Read())
        {
            var line = lastLine + 1;
            lastLine = csv.Parser.RawRow;
            var fields = csv.Parser.Record ?? Array.Empty<string>();
            if (badData != null) { problems.Add(new InputProblem(name, line, badData)); badData = null; continue; }
            if (fields.Length == 1 && fields[0].Length == 0) continue; // a blank line
            if (fields.Length != header.Length)
            {
                problems.Add(new InputProblem(name, line, $"{fields.Length} field(s) where the header has {header.Length}"));
                continue;
            }
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++) map[header[i]] = fields[i];
            records.Add(new Record(line, map));
        }
        return records;
    }

    private static string Shorten(string text)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= 40 ? text : text[..40] + "…";
    }
}
