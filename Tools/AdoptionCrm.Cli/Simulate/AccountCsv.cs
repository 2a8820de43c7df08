namespace AdoptionCrm.Cli.Simulate;

/// <summary>simulate's --accounts file: header name,domains,owner; domains separated by ';' (the first is primary).</summary>
public static class AccountCsv
{
    public static readonly string[] Required = { "name", "domains", "owner" };

    public static List<AccountInput> Read(string path, List<InputProblem> problems)
    {
        var name = Path.GetFileName(path);
        var result = new List<AccountInput>();
        foreach (var record in CsvRecords.Read(path, Required, Array.Empty<string>(), problems))
        {
            var f = record.Fields;
            if (f["name"].Length == 0) { problems.Add(new InputProblem(name, record.Line, "name is empty")); continue; }
            var domains = f["domains"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            result.Add(new AccountInput(record.Line, f["name"], domains, f["owner"].Length == 0 ? null : f["owner"]));
        }
        return result;
    }
}
