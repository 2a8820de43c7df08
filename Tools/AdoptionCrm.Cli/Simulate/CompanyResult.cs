using System.Text.Json.Serialization;

namespace AdoptionCrm.Cli.Simulate;

/// <summary>One company domain with a counted signup (simulate's "companies"); account = the account's name, or null.</summary>
public sealed record CompanyResult(
    [property: JsonPropertyName("domain")] string Domain,
    [property: JsonPropertyName("people")] int People,
    [property: JsonPropertyName("score")] int Score,
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("account")] string? Account)
{
    /// <summary>The stage as people read it ("Enterprise-ready"); Stage is the contract's name.</summary>
    [JsonPropertyName("stageLabel")]
    public string StageLabel => ContractNames.StageLabel(Stage);
}
