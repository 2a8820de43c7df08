using AdoptionCrm.Cli.Simulate;

namespace AdoptionCrm.Cli.Tests;

/// <summary>Writes a test's CSV/JSON inputs to a temporary folder and runs simulate on them in-process.</summary>
public sealed class SimulationFiles : IDisposable
{
    public const string LeadsHeader = "email,firstname,lastname,jobtitle,createdon";

    private readonly string _dir = Directory.CreateTempSubdirectory("simulate-test-").FullName;

    public string Leads(params string[] rows) => Write("leads.csv", LeadsHeader, rows);

    public string Accounts(params string[] rows) => Write("accounts.csv", "name,domains,owner", rows);

    public string Settings(string json) => WriteText("settings.json", json);

    public string Write(string name, string header, IEnumerable<string> rows) => WriteText(name, header + "\n" + string.Join("\n", rows) + "\n");

    public string WriteText(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    public string PathOf(string name) => Path.Combine(_dir, name);

    public SimulationRunner.Outcome Run(string leads, string? accounts = null, string? settings = null) => SimulationRunner.Run(leads, accounts, settings);

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
