using System.ServiceModel;
using AdoptionCrm.Emulator.Metadata;
using AdoptionCrm.Emulator.Service;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Pipeline;

/// <summary>
/// The async service. A step registered async is queued when its trigger commits and never runs in
/// the trigger's transaction (PAD:event-framework, PAD:asynchronous-service): each execution has a
/// system job row (asyncoperation) showing its state, status and message, and each service call the
/// step makes commits on its own. A step throwing InvalidPluginExecutionException with
/// OperationStatus.Retry is postponed and tried again, up to <see cref="MaxAttempts"/> times, then
/// Failed (PAD:handle-exceptions). Jobs run only when the caller drains the queue or advances the clock,
/// so a test can assert the state before and after. The retry delay is not documented: chosen so
/// (<see cref="RetryDelay"/>, the same for every attempt). A step registered with AsyncAutoDelete has its
/// job row deleted once it succeeds ("Delete AsyncOperation if StatusCode = Successful": the
/// sdkmessageprocessingstep table reference, asyncautodelete), and the job leaves <see cref="Jobs"/>, so a long
/// run keeps only the jobs still waiting or failed, as the platform's table does.
/// </summary>
public sealed class AsyncQueue
{
    public const int MaxAttempts = 4;
    public const int WaitingForResources = 0, Waiting = 10, InProgress = 20, Succeeded = 30, Failed = 31;
    private const int Ready = 0, Suspended = 1, Locked = 2, Completed = 3;

    public static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);

    private readonly List<AsyncJob> _waiting = new();
    private readonly List<AsyncJob> _all = new();
    private readonly EmulatedOrganization _org;

    private readonly bool _newestFirst;

    internal AsyncQueue(EmulatedOrganization org, bool newestFirst = false)
    {
        _org = org;
        _newestFirst = newestFirst;
    }

    public IReadOnlyList<AsyncJob> Jobs { get { lock (_all) return _all.ToList(); } }
    public int Pending { get { lock (_waiting) return _waiting.Count; } }

    internal void Enqueue(AsyncJob job)
    {
        var context = job.Context;
        var row = new Entity(SystemJobTable.LogicalName)
        {
            ["name"] = job.Step.PluginName, ["operationtype"] = new OptionSetValue(SystemJobTable.SystemEvent),
            ["messagename"] = context.MessageName, ["primaryentitytype"] = context.PrimaryEntityName,
            ["ownerid"] = new EntityReference("systemuser", context.UserId), ["correlationid"] = context.CorrelationId,
            ["depth"] = context.Depth, ["retrycount"] = 0,
        };
        if (context.PrimaryEntityId != Guid.Empty && _org.Catalog.Contains(context.PrimaryEntityName)
            && _org.Store.Get(null, context.PrimaryEntityName, context.PrimaryEntityId) != null)
            row["regardingobjectid"] = new EntityReference(context.PrimaryEntityName, context.PrimaryEntityId);
        job.Id = WriteRow(row, create: true);
        lock (_all) _all.Add(job);
        lock (_waiting) _waiting.Add(job);
    }

    /// <summary>Runs queued jobs (and any they queue), retries without waiting, until none is left; returns how many executions ran.</summary>
    public int Drain() => Run(_ => true);

    /// <summary>Runs the jobs that are due at the organization's clock (retries wait <see cref="RetryDelay"/>); returns how many executions ran.</summary>
    public int RunDue() => Run(job => job.PostponeUntil is null || job.PostponeUntil <= _org.Clock.UtcNow);

    private int Run(Func<AsyncJob, bool> due)
    {
        var executions = 0;
        while (true)
        {
            AsyncJob? job;
            lock (_waiting)
            {
                job = _newestFirst ? _waiting.LastOrDefault(due) : _waiting.FirstOrDefault(due);
                if (job is null) return executions;
                _waiting.Remove(job);
            }
            executions++;
            Execute(job);
        }
    }

    private void Execute(AsyncJob job)
    {
        job.Attempts++;
        job.StatusCode = InProgress;
        Update(job, Locked, InProgress, ("startedon", _org.Clock.UtcNow));
        try
        {
            _org.Runner.Invoke(job.Step, job.Context, raw: true);
            job.StatusCode = Succeeded;
            job.Error = null;
            if (job.Step.Definition.AsyncAutoDelete) AutoDelete(job);
            else Update(job, Completed, Succeeded, ("completedon", _org.Clock.UtcNow));
        }
        catch (InvalidPluginExecutionException retry) when (retry.Status == OperationStatus.Retry && job.Attempts < MaxAttempts)
        {
            job.StatusCode = Waiting;
            job.Error = retry.Message;
            job.PostponeUntil = _org.Clock.UtcNow + RetryDelay;
            Update(job, Suspended, Waiting, ("message", retry.Message), ("retrycount", job.Attempts), ("postponeuntil", job.PostponeUntil));
            lock (_waiting) _waiting.Add(job);
        }
        catch (Exception failed)
        {
            // Recorded on the system job; the triggering operation stays committed.
            job.StatusCode = Failed;
            job.Error = failed.Message;
            var code = failed switch
            {
                InvalidPluginExecutionException e => e.ErrorCode,
                FaultException<OrganizationServiceFault> f => f.Detail.ErrorCode,
                _ => ErrorCodes.IsvUnexpected,
            };
            Update(job, Completed, Failed, ("message", failed.Message), ("friendlymessage", failed.Message), ("errorcode", code),
                ("retrycount", job.Attempts - 1), ("completedon", _org.Clock.UtcNow));
        }
    }

    private void Update(AsyncJob job, int state, int status, params (string Column, object? Value)[] columns)
    {
        var row = new Entity(SystemJobTable.LogicalName, job.Id) { ["statecode"] = new OptionSetValue(state), ["statuscode"] = new OptionSetValue(status) };
        foreach (var (column, value) in columns) row[column] = value;
        WriteRow(row, create: false);
    }

    private void AutoDelete(AsyncJob job)
    {
        _org.Processor.RunInTransaction(txn =>
        {
            var scope = new ExecutionScope(txn, 1, _org.SystemUserId, _org.SystemUserId, null, NewIds.Next());
            _org.Writer.Delete(scope, _org.Catalog.Get(SystemJobTable.LogicalName), new EntityReference(SystemJobTable.LogicalName, job.Id), ConcurrencyBehavior.Default);
            return 0;
        });
        lock (_all) _all.Remove(job);
    }

    // The async service's own bookkeeping: a system write in its own transaction, no steps.
    private Guid WriteRow(Entity row, bool create)
    {
        var schema = _org.Catalog.Get(SystemJobTable.LogicalName);
        return _org.Processor.RunInTransaction(txn =>
        {
            var scope = new ExecutionScope(txn, 1, _org.SystemUserId, _org.SystemUserId, null, NewIds.Next());
            if (create) return _org.Writer.Create(scope, schema, row);
            _org.Writer.Update(scope, schema, row, ConcurrencyBehavior.Default, systemWrite: true);
            return row.Id;
        });
    }
}
