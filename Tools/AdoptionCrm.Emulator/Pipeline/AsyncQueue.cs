using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Pipeline;

/// <summary>An asyncoperation: one async step execution waiting for, or done by, the async service.</summary>
public sealed class AsyncJob
{
    internal AsyncJob(RegisteredPluginStep step, EmulatedPluginContext context)
    {
        Step = step;
        Context = context;
    }

    public RegisteredPluginStep Step { get; }
    public EmulatedPluginContext Context { get; }
    public int Attempts { get; internal set; }

    /// <summary>asyncoperation statuscode: 0 Waiting for resources, 30 Succeeded, 31 Failed.</summary>
    public int StatusCode { get; internal set; }
    public string? Error { get; internal set; }
}

/// <summary>
/// System jobs queued by async steps after their trigger committed. They run only when the caller
/// drains the queue, so a test can assert the state before and after. A step throwing
/// InvalidPluginExecutionException with OperationStatus.Retry is tried again, up to 4 times, then Failed.
/// </summary>
public sealed class AsyncQueue
{
    public const int MaxAttempts = 4;
    private readonly Queue<AsyncJob> _waiting = new();
    private readonly List<AsyncJob> _all = new();
    private readonly EmulatedOrganization _org;

    internal AsyncQueue(EmulatedOrganization org) => _org = org;

    public IReadOnlyList<AsyncJob> Jobs { get { lock (_all) return _all.ToList(); } }
    public int Pending { get { lock (_waiting) return _waiting.Count; } }

    internal void Enqueue(AsyncJob job)
    {
        lock (_all) _all.Add(job);
        lock (_waiting) _waiting.Enqueue(job);
    }

    /// <summary>Runs queued jobs (and any they queue) until none is left; returns how many executions ran.</summary>
    public int Drain()
    {
        var executions = 0;
        while (true)
        {
            AsyncJob job;
            lock (_waiting) { if (!_waiting.TryDequeue(out job!)) return executions; }
            executions++;
            job.Attempts++;
            try
            {
                _org.Runner.Invoke(job.Step, job.Context, raw: true);
                job.StatusCode = 30;
            }
            catch (InvalidPluginExecutionException retry) when (retry.Status == OperationStatus.Retry && job.Attempts < MaxAttempts)
            {
                job.Error = retry.Message;
                lock (_waiting) _waiting.Enqueue(job);
            }
            catch (Exception failed)
            {
                // Recorded on the system job; the triggering operation stays committed.
                job.StatusCode = 31;
                job.Error = failed.Message;
            }
        }
    }
}
