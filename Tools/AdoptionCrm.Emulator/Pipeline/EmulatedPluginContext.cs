using AdoptionCrm.Emulator.Storage;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Pipeline;

/// <summary>
/// The IPluginExecutionContext a step sees. Read-only to plugins; the pipeline fills it. Collections the pipeline
/// does not hand in are made on first read, not made and thrown away by every context the pipeline builds.
/// </summary>
public sealed class EmulatedPluginContext : IPluginExecutionContext
{
    public int Mode { get; init; }
    public int IsolationMode { get; init; } = 2;
    public int Depth { get; init; }
    public string MessageName { get; init; } = "";
    public string PrimaryEntityName { get; init; } = "";
    public Guid? RequestId { get; init; }
    public string SecondaryEntityName { get; init; } = "none";
    public ParameterCollection InputParameters { get => field ??= new(); init; }
    public ParameterCollection OutputParameters { get => field ??= new(); init; }
    public ParameterCollection SharedVariables { get => field ??= new(); init; }
    public Guid UserId { get; init; }
    public Guid InitiatingUserId { get; init; }
    public Guid BusinessUnitId { get; init; }
    public Guid OrganizationId { get; init; }
    public string OrganizationName { get; init; } = "";
    public Guid PrimaryEntityId { get; init; }
    public EntityImageCollection PreEntityImages { get => field ??= new(); init; }
    public EntityImageCollection PostEntityImages { get => field ??= new(); init; }
    public EntityReference OwningExtension { get; init; } = null!;
    public Guid CorrelationId { get; init; }
    public bool IsExecutingOffline => false;
    public bool IsOfflinePlayback => false;
    public bool IsInTransaction { get; init; }
    public Guid OperationId { get; init; }
    public DateTime OperationCreatedOn { get; init; }
    public int Stage { get; init; }
    public IPluginExecutionContext ParentContext { get; init; } = null!;

    /// <summary>The unit of work the step's own service calls join (null for async steps: each call is its own).</summary>
    internal Transaction? Transaction { get; init; }
}
