namespace AdoptionCrm.Cli.Environments; // plural: a namespace "Environment" would hide System.Environment in the CLI

/// <summary>
/// What one `backfill` invocation did: the run it worked on (resumed or new), the batches it sent, the run's row
/// afterwards, and why it stopped when not done (the environment lacks adopt_Backfill, or a batch failed).
/// </summary>
public sealed record BackfillResult(Guid? RunId, bool Resumed, int Batches, BackfillRunStatus? Run, bool BackfillMissing, string? Error)
{
    public bool Done => Run?.Finished == true;
}
