using System.Reflection;
using AdoptionCrm.Solution.Model;
using AdoptionCrm.Solution.Source;

namespace AdoptionCrm.Emulator;

/// <summary>How to build an organization: which tables, which plugin steps, what time it is.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Tables added to (or merged over) the built-in standard tables, e.g. a test's own table.</summary>
    public List<TableDefinition> Tables { get; } = new();

    /// <summary>Load our solution's tables from Solution/src (AdoptionCrm.Solution.SolutionSource).</summary>
    public bool LoadSolutionTables { get; set; } = true;

    /// <summary>
    /// Kept for callers that still set it: true registers the steps declared in AdoptionCrm.Plugins. Off
    /// by default: the emulator registers no product assembly unless told to; prefer listing the assembly
    /// in <see cref="PluginAssemblies"/>.
    /// </summary>
    public bool RegisterShippedPlugins { get; set; }

    /// <summary>Plugin assemblies whose [PluginStep] declarations are registered and whose plug-in types can run Custom APIs (none by default).</summary>
    public List<Assembly> PluginAssemblies { get; } = new();

    /// <summary>Load our solution's Custom APIs from Solution/src/customapis.</summary>
    public bool LoadSolutionCustomApis { get; set; } = true;

    /// <summary>More Custom APIs (a fixture solution's: <c>SolutionCustomApis.Load(dir)</c>).</summary>
    public List<CustomApiDefinition> CustomApis { get; } = new();

    /// <summary>Load our solution's scheduled cloud flows from Solution/src/Workflows.</summary>
    public bool LoadSolutionFlows { get; set; } = true;

    /// <summary>More cloud flows (a fixture solution's: <c>FlowReader.ReadAll(files)</c>).</summary>
    public List<FlowDefinition> Flows { get; } = new();

    /// <summary>
    /// Turn every scheduled flow on, as an admin does after the import. Off by default: a flow then starts in the
    /// state its solution ships it in (StateCode in its .json.data.xml; AdoptionCrm ships its flows as Draft, off).
    /// </summary>
    public bool TurnOnFlows { get; set; }

    /// <summary>
    /// How long each connector call of a flow takes, for an Until loop's limit.timeout (the clock does not move
    /// during a run). No figure is published for a Dataverse call, so it is a switch: zero (the default) means
    /// only the loop's count stops an endless loop; set it to see where the timeout cuts a pass off.
    /// </summary>
    public TimeSpan FlowCallDuration { get; set; } = TimeSpan.Zero;

    /// <summary>Which steps state changes, lifecycle messages and cascades fire where the docs are silent (switches).</summary>
    public Lifecycle.LifecycleOptions Lifecycle { get; } = new();

    /// <summary>More relationship cascade rules (a test's table); the standard ones and the solution's are always loaded.</summary>
    public List<RelationshipCascade> Relationships { get; } = new();

    /// <summary>What a Create carrying overriddencreatedon stores (R11; the docs say only that it is how imports set createdon).</summary>
    public OverriddenCreatedOnBehavior OverriddenCreatedOn { get; set; } = OverriddenCreatedOnBehavior.SetsCreatedOn;

    public DateTime StartTimeUtc { get; set; } = new(2025, 1, 1, 9, 0, 0, DateTimeKind.Utc);

    public string OrganizationName { get; set; } = "adoptioncrm";

    public const int DefaultExecutionLogCapacity = 100_000;

    /// <summary>
    /// How many step executions and how many service calls the execution log keeps (the newest; its totals
    /// count all). Bounded by default so a long replay runs in bounded memory; null keeps it whole.
    /// </summary>
    public int? ExecutionLogCapacity { get; set; } = DefaultExecutionLogCapacity;

    /// <summary>
    /// Run the ready system jobs newest first instead of in createdon order. The async service does not promise
    /// the order: "execution isn't always performed in the order set by the CreatedOn date"
    /// (PAD:asynchronous-service, "Execution order and dependencies"), so a test can show what a reversed run
    /// does. Off by default: createdon order, retries last.
    /// </summary>
    public bool AsyncNewestFirst { get; set; }

    /// <summary>
    /// Whether a row's RowVersion is its versionnumber as text, so that a versionnumber read as a column (of the
    /// query's own table or of a link-entity) may be sent back as the RowVersion of an IfRowVersionMatches write.
    /// The docs show RowVersion as the version number's text (PAD:optimistic-concurrency; the
    /// DeleteRequest.ConcurrencyBehavior sample builds RowVersion = "95046280" by hand) but no page says a column
    /// value may stand in for it. True (the default): it may. False: RowVersion is an opaque token that no
    /// versionnumber value spells, so only the RowVersion a Retrieve/RetrieveMultiple returned on the row itself
    /// matches, and a write built from a link-entity's versionnumber is refused (ConcurrencyVersionMismatch).
    /// </summary>
    public bool RowVersionIsVersionNumberText { get; set; } = true;

    /// <summary>
    /// Whether the rows a RetrieveMultiple returns carry their RowVersion, as a Retrieve's row does. The Web API gives
    /// each row of a collection its @odata.etag, but no page says an SDK RetrieveMultiple fills Entity.RowVersion.
    /// True (the default): it does. False: query rows come back without one, so code that writes with
    /// IfRowVersionMatches must get the version from a Retrieve (or be refused, "no row version value is provided").
    /// </summary>
    public bool QueryRowsCarryRowVersion { get; set; } = true;

    /// <summary>How long a request waits for another transaction's row lock before failing.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
