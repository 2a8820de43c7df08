using AdoptionCrm.Plugins.Model;

namespace AdoptionCrm.Cli.Simulate;

/// <summary>The stage and outcome names of simulate's JSON contract (issue 4): stable strings, not choice numbers or labels.</summary>
public static class ContractNames
{
    public static readonly string[] Stages = { "None", "Individual", "Team", "Spreading", "EnterpriseReady" };

    public static string Stage(int? value) => value is int v && Enum.IsDefined(typeof(AdoptionStage), v) ? ((AdoptionStage)v).ToString() : "None";

    /// <summary>The display label of a stage (StageLabels: the choice's own words, "Enterprise-ready").</summary>
    public static string StageLabel(int? value) => StageLabels.Of(value is int v && Enum.IsDefined(typeof(AdoptionStage), v) ? (AdoptionStage)v : AdoptionStage.None);

    public static string StageLabel(string contractName) => StageLabels.Of(Enum.TryParse<AdoptionStage>(contractName, out var stage) ? stage : AdoptionStage.None);

    /// <summary>A task's state: open, completed, canceled (task.statecode).</summary>
    public static string TaskState(int value) => value switch
    {
        TaskColumns.StateCompleted => "completed",
        TaskColumns.StateCanceled => "canceled",
        _ => "open",
    };

    /// <summary>A task's priority: low, normal, high (task.prioritycode).</summary>
    public static string Priority(int? value) => value switch
    {
        (int)TaskPriority.Low => "low",
        (int)TaskPriority.High => "high",
        _ => "normal",
    };

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
