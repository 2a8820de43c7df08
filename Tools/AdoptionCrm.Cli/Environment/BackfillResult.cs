namespace AdoptionCrm.Cli.Environments; // plural: a namespace "Environment" would hide System.Environment in the CLI

/// <summary>What one backfill run did: domain rows created, accounts skipped (already had theirs or no usable website), rebuild calls and leads processed.</summary>
public sealed record BackfillResult(int DomainsCreated, int AccountsSkipped, int RebuildCalls, long Processed, bool RebuildMissing);
