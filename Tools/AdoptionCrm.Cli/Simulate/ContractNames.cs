using AdoptionCrm.Plugins.Model;

namespace AdoptionCrm.Cli.Simulate;

/// <summary>The stage and outcome names of simulate's JSON contract (issue 4): stable strings, not choice numbers or labels.</summary>
public static class ContractNames
{
    public static readonly string[] Stages = { "None", "Individual", "Team", "Spreading", "EnterpriseReady" };

    public static string Stage(int? value) => value is int v && Enum.IsDefined(typeof(AdoptionStage), v) ? ((AdoptionStage)v).ToString() : "None";

    public static string Outcome(int? value) => value switch
    {
        (int)MatchOutcome.Linked => "linked",
        (int)MatchOutcome.AccountCreated => "account-created",
        (int)MatchOutcome.ExcludedFreeMail => "excluded-freemail",
        (int)MatchOutcome.ExcludedDisposable => "excluded-disposable",
        (int)MatchOutcome.ExcludedOwn => "excluded-own",
        (int)MatchOutcome.ExcludedRule => "excluded-rule",
        (int)MatchOutcome.ExcludedRole => "excluded-role",
        (int)MatchOutcome.Unmatched => "unmatched",
        (int)MatchOutcome.InvalidEmail => "invalid-email",
        (int)MatchOutcome.NoEmail => "no-email",
        // A lead the engine left unmarked: the contract has no name for it, so say so rather than guess.
        _ => throw new InvalidOperationException($"lead has no known adopt_matchoutcome ({value?.ToString() ?? "empty"})"),
    };
}
