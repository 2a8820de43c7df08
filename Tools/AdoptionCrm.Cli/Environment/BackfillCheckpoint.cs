using System.Text.Json;

namespace AdoptionCrm.Cli.Environments; // plural: a namespace "Environment" would hide System.Environment in the CLI

/// <summary>
/// Where a backfill stands, saved after every step and every rebuild call so a second run resumes:
/// the environment it belongs to, the step (domains, rebuild, done) and the rebuild's cookie.
/// </summary>
public sealed record BackfillCheckpoint(string Environment, string Step, string? Cookie)
{
    public const string DomainsStep = "domains";
    public const string RebuildStep = "rebuild";
    public const string DoneStep = "done";

    public static string DefaultPath(Uri environment) => Path.Combine(
        System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".adoptioncrm",
        "backfill-" + environment.Host + (environment.IsDefaultPort ? "" : "-" + environment.Port) + ".json");

    /// <summary>The saved checkpoint, or a fresh one when none exists; a file for another environment is refused.</summary>
    public static BackfillCheckpoint Load(string path, string environment)
    {
        if (!File.Exists(path)) return new BackfillCheckpoint(environment, DomainsStep, null);
        var saved = JsonSerializer.Deserialize<BackfillCheckpoint>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"The checkpoint {path} is empty; delete it to start over.");
        if (!string.Equals(saved.Environment, environment, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"The checkpoint {path} belongs to {saved.Environment}, not {environment}; give another --checkpoint.");
        if (saved.Step is not (DomainsStep or RebuildStep or DoneStep))
            throw new InvalidDataException($"The checkpoint {path} has an unknown step '{saved.Step}'; delete it to start over.");
        return saved;
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this));
        File.Move(temporary, path, overwrite: true);
    }
}
