using System.Text.Json.Nodes;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Steps;

namespace AdoptionCrm.Cli.Environments; // plural: a namespace "Environment" would hide System.Environment in the CLI

/// <summary>
/// The install backfill from the command line, against an environment's Web API: the same run row
/// (adopt_backfillrun) and the same batches (adopt_Backfill) as a backfill started in the app. It goes on with
/// the given run, or else with the newest unfinished one, or else creates one (state Running, so the app's start
/// step leaves it to this client); then calls adopt_Backfill until the run is done, reading the row after each
/// batch for the progress. The run's continuation lives on the row, so a run stopped anywhere (Ctrl+C, a
/// network failure, a failed batch) resumes where it stood from any client; a failed batch is written on the row
/// (state Failed, last error) and rolled back by the platform, so resuming neither loses nor repeats work.
/// </summary>
public sealed class BackfillRunner
{
    private readonly DataverseClient _client;
    private readonly Action<BackfillRunStatus> _progress;

    public BackfillRunner(DataverseClient client, Action<BackfillRunStatus> progress)
    {
        _client = client;
        _progress = progress;
    }

    /// <summary>The run to go on with; null = the newest unfinished run, or a new one.</summary>
    public Guid? RunId { get; init; }

    /// <summary>A new run also learns domains from contacts' emails (source Learned).</summary>
    public bool IncludeContacts { get; init; }

    /// <summary>Stops after this many batches (tests: a run interrupted halfway); null = until done.</summary>
    public int? MaxBatches { get; init; }

    public async Task<BackfillResult> RunAsync(CancellationToken cancel = default)
    {
        Guid? id = RunId;
        bool resumed = id != null;
        try
        {
            if (id == null)
            {
                id = await UnfinishedRunAsync(cancel);
                resumed = id != null;
            }
            id ??= await _client.CreateAsync(EnvironmentTables.BackfillRuns, new JsonObject
            {
                [BackfillRunColumns.Name] = $"Install backfill {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC (command line)",
                [BackfillRunColumns.IncludeContacts] = IncludeContacts,
                [BackfillRunColumns.State] = (int)BackfillState.Running,
            }, cancel);
        }
        catch (DataverseException e) when (e.Status == 404)
        {
            return new BackfillResult(null, false, 0, null, BackfillMissing: true, null);
        }

        var batches = 0;
        var status = await StatusAsync(id.Value, cancel);
        _progress(status);
        while (!status.Finished && (MaxBatches is null || batches < MaxBatches))
        {
            try
            {
                await _client.ActionAsync(BackfillPlugin.MessageName, new JsonObject { [BackfillPlugin.RunIdParameter] = id.Value }, cancel);
            }
            catch (DataverseException e) when (e.Status == 404 && batches == 0)
            {
                return new BackfillResult(id, resumed, 0, status, BackfillMissing: true, null);
            }
            catch (DataverseException e)
            {
                await RecordFailureAsync(status, e.Message, cancel);
                return new BackfillResult(id, resumed, batches, await StatusAsync(id.Value, cancel), false, e.Message);
            }
            batches++;
            status = await StatusAsync(id.Value, cancel);
            _progress(status);
        }
        return new BackfillResult(id, resumed, batches, status, false, null);
    }

    private async Task<Guid?> UnfinishedRunAsync(CancellationToken cancel)
    {
        var query = $"{EnvironmentTables.BackfillRuns}?$select={BackfillRunColumns.Id}&$filter={BackfillRunColumns.FinishedOn} eq null and {BackfillRunColumns.StateCode} eq 0&$orderby={BackfillRunColumns.CreatedOn} desc&$top=1";
        await foreach (var row in _client.QueryAsync(query, cancel: cancel))
            return Guid.Parse(row[BackfillRunColumns.Id]!.GetValue<string>());
        return null;
    }

    private async Task<BackfillRunStatus> StatusAsync(Guid id, CancellationToken cancel) =>
        BackfillRunStatus.Of(id, await _client.GetAsync($"{EnvironmentTables.BackfillRuns}({id})?$select={BackfillRunStatus.Select}", cancel));

    // The failed batch rolled back, so the row still says where it started; the error goes next to it.
    private Task RecordFailureAsync(BackfillRunStatus status, string error, CancellationToken cancel)
    {
        var text = $"{status.Phase ?? "Starting"}: {error}";
        if (text.Length > BackfillRunColumns.LastErrorMaxLength) text = text[..(BackfillRunColumns.LastErrorMaxLength - 1)] + "…";
        return _client.UpdateAsync(EnvironmentTables.BackfillRuns, status.Id, new JsonObject
        {
            [BackfillRunColumns.State] = (int)BackfillState.Failed,
            [BackfillRunColumns.LastError] = text,
        }, cancel);
    }
}
