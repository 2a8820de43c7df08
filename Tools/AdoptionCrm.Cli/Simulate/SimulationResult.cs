using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdoptionCrm.Cli.Simulate;

/// <summary>simulate's --json output; the shape is the contract in issue 4 (README: "simulate"). Keep it stable.</summary>
public sealed record SimulationResult(
    [property: JsonPropertyName("accounts")] IReadOnlyList<AccountResult> Accounts,
    [property: JsonPropertyName("leads")] IReadOnlyList<LeadResult> Leads,
    [property: JsonPropertyName("tasks")] IReadOnlyList<TaskResult> Tasks,
    [property: JsonPropertyName("stats")] SimulationStats Stats,
    [property: JsonPropertyName("companies")] IReadOnlyList<CompanyResult> Companies,
    [property: JsonPropertyName("asOf")] DateTime AsOf)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public string ToJson() => JsonSerializer.Serialize(this, Options);
}

public sealed record AccountResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("domains")] IReadOnlyList<string> Domains,
    [property: JsonPropertyName("owner")] string? Owner,
    [property: JsonPropertyName("adopters")] int Adopters,
    [property: JsonPropertyName("score")] int Score,
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("autoCreated")] bool AutoCreated,
    [property: JsonPropertyName("explanation")] string? Explanation,
    [property: JsonPropertyName("asOf")] DateTime? AsOf,
    [property: JsonPropertyName("stageLabel")] string StageLabel);

public sealed record LeadResult(
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("domain")] string? Domain,
    [property: JsonPropertyName("account")] string? Account,
    [property: JsonPropertyName("outcome")] string Outcome);

public sealed record TaskResult(
    [property: JsonPropertyName("account")] string? Account,
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("owner")] string? Owner,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("due")] DateTime? Due,
    [property: JsonPropertyName("stageLabel")] string StageLabel,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("priority")] string Priority,
    [property: JsonPropertyName("champion")] string? Champion,
    [property: JsonPropertyName("championReason")] string? ChampionReason,
    [property: JsonPropertyName("description")] string Description);

public sealed record SimulationStats(
    [property: JsonPropertyName("leads")] int Leads,
    [property: JsonPropertyName("serviceCallsPerCreate")] CallStats ServiceCallsPerCreate);

public sealed record CallStats(
    [property: JsonPropertyName("mean")] double Mean,
    [property: JsonPropertyName("max")] int Max);
