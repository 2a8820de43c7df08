using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Pipeline;

/// <summary>
/// One async step execution: its system job row (asyncoperation <see cref="Id"/>) and the snapshot of the
/// context it runs with. <see cref="StatusCode"/> mirrors the row: 0 Waiting For Resources, 10 Waiting
/// (postponed for a retry), 20 In Progress, 30 Succeeded, 31 Failed.
/// </summary>
public sealed class AsyncJob
{
    internal AsyncJob(RegisteredPluginStep step, EmulatedPluginContext context)
    {
        Step = step;
        Context = context;
    }

    public Guid Id { get; internal set; }
    public RegisteredPluginStep Step { get; }
    public EmulatedPluginContext Context { get; }
    public int Attempts { get; internal set; }
    public int StatusCode { get; internal set; }
    public string? Error { get; internal set; }

    /// <summary>When a retried job may run again (asyncoperation.postponeuntil); null = now.</summary>
    public DateTime? PostponeUntil { get; internal set; }

    public bool IsFinished => StatusCode is AsyncQueue.Succeeded or AsyncQueue.Failed;
}
