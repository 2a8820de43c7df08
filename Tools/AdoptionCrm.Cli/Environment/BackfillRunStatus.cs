using System.Text.Json.Nodes;
using AdoptionCrm.Plugins.Model;

namespace AdoptionCrm.Cli.Environments; // plural: a namespace "Environment" would hide System.Environment in the CLI

/// <summary>A backfill run's row (adopt_backfillrun) as the CLI shows it: state, phase, counters and last error.</summary>
public sealed record BackfillRunStatus(Guid Id, BackfillState State, string? Phase, IReadOnlyDictionary<string, int> Counts, string? LastError, bool Finished)
{
    public static readonly string Select = string.Join(",", new[]
    {
        BackfillRunColumns.State, BackfillRunColumns.Phase, BackfillRunColumns.LastError, BackfillRunColumns.FinishedOn,
    }.Concat(BackfillRunColumns.Counters));

    public static BackfillRunStatus Of(Guid id, JsonObject row) => new(
        id,
        (BackfillState)(row[BackfillRunColumns.State]?.GetValue<int>() ?? (int)BackfillState.Queued),
        row[BackfillRunColumns.Phase]?.GetValue<string>(),
        BackfillRunColumns.Counters.ToDictionary(c => c, c => row[c]?.GetValue<int>() ?? 0),
        row[BackfillRunColumns.LastError]?.GetValue<string>(),
        row[BackfillRunColumns.FinishedOn] != null);

    public int this[string counter] => Counts.TryGetValue(counter, out var value) ? value : 0;

    /// <summary>The counts in words, one line.</summary>
    public string Summary() =>
        $"accounts read {this[BackfillRunColumns.AccountsRead]}, domain rows made {this[BackfillRunColumns.DomainRowsMade]} " +
        $"(+{this[BackfillRunColumns.LearnedRowsMade]} learned), leads read {this[BackfillRunColumns.LeadsRead]}, " +
        $"leads linked {this[BackfillRunColumns.LeadsLinked]}, manual links kept {this[BackfillRunColumns.ManualKept]}, " +
        $"adopters {this[BackfillRunColumns.Adopters]}, companies {this[BackfillRunColumns.Companies]}, " +
        $"accounts scored {this[BackfillRunColumns.Scored]}, batches {this[BackfillRunColumns.Batches]}";
}
