using System.Text.Json;
using System.Text.Json.Serialization;
using AdoptionCrm.Cli.Simulate;

namespace AdoptionCrm.Cli.Demo;

/// <summary>
/// demo --json: the run's figures, accounts, leads, tasks, exclusions and tasks per owner, with ids
/// so the output can be checked against the organization (and opened in the panel by account id).
/// </summary>
public sealed record DemoReport(
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("figures")] DemoFigures Figures,
    [property: JsonPropertyName("accounts")] IReadOnlyList<SnapshotAccount> Accounts,
    [property: JsonPropertyName("leads")] IReadOnlyList<DemoLead> Leads,
    [property: JsonPropertyName("tasks")] IReadOnlyList<SnapshotTask> Tasks,
    [property: JsonPropertyName("exclusions")] IReadOnlyList<DemoExclusion> Exclusions,
    [property: JsonPropertyName("tasksByOwner")] IReadOnlyDictionary<string, int> TasksByOwner,
    [property: JsonPropertyName("companies")] IReadOnlyList<CompanyResult> Companies)
{
    private static readonly string[] Linked = { "linked", "account-created" };

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static DemoReport From(int seed, OrganizationSnapshot snapshot, DemoFigures figures, IReadOnlyList<CompanyResult> companies)
    {
        var leads = snapshot.Leads.Select(l => new DemoLead(l.Id, l.Signup.Email, l.Signup.LastName, l.Signup.CreatedOnUtc, l.Domain, l.AccountId, l.Account, l.Outcome, l.Why)).ToList();
        var exclusions = snapshot.Leads.Where(l => !Linked.Contains(l.Outcome))
            .GroupBy(l => l.Outcome).OrderByDescending(g => g.Count())
            .Select(g => new DemoExclusion(g.Key, g.Count(), g.Select(l => l.Why ?? "").Distinct().Take(3).ToList())).ToList();
        var byOwner = snapshot.Tasks.GroupBy(t => t.Owner ?? "(none)").OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
        return new DemoReport(seed, figures, snapshot.Accounts, leads, snapshot.Tasks, exclusions, byOwner, companies);
    }
}

public sealed record DemoFigures(int Signups, double SignupsPerSecond, CallStats ServiceCallsPerSignup, double ReplaySeconds, double TotalSeconds);

public sealed record DemoLead(Guid Id, string? Email, string? LastName, DateTime CreatedOn, string? Domain, Guid? AccountId, string? Account, string Outcome, string? Why);

public sealed record DemoExclusion(string Outcome, int Count, IReadOnlyList<string> Examples);
