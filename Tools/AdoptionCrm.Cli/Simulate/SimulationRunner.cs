using AdoptionCrm.Emulator;

namespace AdoptionCrm.Cli.Simulate;

/// <summary>
/// simulate from files to result: a fresh emulator with our solution and plugins, the settings row
/// and rules, the accounts, then every signup in file order through the pipeline.
/// </summary>
public static class SimulationRunner
{
    /// <summary>The result, the skipped rows, and the organization it was read from (tests look further into it).</summary>
    public sealed record Outcome(SimulationResult Result, IReadOnlyList<InputProblem> Problems, EmulatedOrganization Organization);

    public static Outcome Run(string leadsPath, string? accountsPath, string? settingsPath, Action<int, int>? progress = null, DateTime? asOfUtc = null)
    {
        var problems = new List<InputProblem>();
        // Inputs are read and checked before anything runs, so a bad header or settings file fails fast.
        var settings = settingsPath == null ? null : SimulationSettings.Load(settingsPath);
        var accounts = accountsPath == null ? new List<AccountInput>() : AccountCsv.Read(accountsPath, problems);
        var signups = SignupCsv.Read(leadsPath, problems);

        var org = EmulatedOrganization.Create(new EmulatorOptions { PluginAssemblies = { typeof(AdoptionCrm.Plugins.Infrastructure.PluginBase).Assembly } });
        settings?.Apply(org.SystemService);
        var seeder = new OrganizationSeeder(org);
        foreach (var account in accounts) seeder.CreateAccount(account, Path.GetFileName(accountsPath!), problems);

        var replay = new SignupReplay(org);
        var leadsFile = Path.GetFileName(leadsPath);
        for (var i = 0; i < signups.Count; i++)
        {
            replay.Replay(signups[i], leadsFile, problems);
            progress?.Invoke(i + 1, signups.Count);
        }
        if (asOfUtc is { } asOf) AsOf.MoveTo(org, asOf);
        var ordered = problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ToList();
        return new Outcome(ResultReader.Read(org, replay.Created, replay.CallsPerCreate), ordered, org);
    }
}
