using AdoptionCrm.Emulator.CustomApis;
using AdoptionCrm.Emulator.Lifecycle;
using AdoptionCrm.Emulator.Messages;
using AdoptionCrm.Emulator.Metadata;
using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Service;
using AdoptionCrm.Emulator.Storage;
using AdoptionCrm.Solution.Model;
using AdoptionCrm.Solution.Source;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator;

/// <summary>
/// The local Dataverse: one in-memory organization with metadata, data, the plugin pipeline, an
/// async queue, a clock and a log. Create one per test with <see cref="Create"/>.
/// </summary>
public sealed class EmulatedOrganization
{
    private EmulatedOrganization(EmulatorOptions options)
    {
        var tables = StandardTables.All.Concat(options.LoadSolutionTables ? SolutionTables.LoadEmbedded() : Array.Empty<TableDefinition>()).Concat(options.Tables).ToList();
        tables.Add(SystemJobTable.Definition(tables.Select(t => t.LogicalName)));
        Catalog = new MetadataCatalog(tables);
        Store = new DataStore(Catalog);
        Store.Locks.Timeout = options.LockTimeout;
        Store.RowVersionIsVersionNumberText = options.RowVersionIsVersionNumberText;
        Clock = new EmulatorClock(options.StartTimeUtc);
        Log = new ExecutionLog(options.ExecutionLogCapacity);
        OrganizationName = options.OrganizationName;
        Processor = new RequestProcessor(this);
        Writer = new RowWriter(this);
        Lifecycle = options.Lifecycle;
        OverriddenCreatedOn = options.OverriddenCreatedOn;
        QueryRowsCarryRowVersion = options.QueryRowsCarryRowVersion;
        Cascades = new CascadeEngine(this, StandardRelationships.All
            .Concat(options.LoadSolutionTables ? SolutionRelationships.LoadEmbedded() : Array.Empty<RelationshipCascade>())
            .Concat(options.Relationships));
        CustomApis = new CustomApiCatalog(this);
        Messages = new MessageRegistry(BuiltInMessages.All(this), CustomApis.Handler);
        Runner = new PipelineRunner(this);
        AsyncQueue = new AsyncQueue(this, options.AsyncNewestFirst);
        ServiceFactory = new OrganizationServiceFactory(this);
        Bootstrap();
        // By name: the emulator holds no compile-time tie to the product for this legacy switch.
        if (options.RegisterShippedPlugins) RegisterAssembly(System.Reflection.Assembly.Load("AdoptionCrm.Plugins"));
        foreach (var assembly in options.PluginAssemblies) RegisterAssembly(assembly);
        Flows = new Flows.FlowCatalog(this, options);
        foreach (var api in (options.LoadSolutionCustomApis ? SolutionCustomApis.LoadEmbedded() : Array.Empty<CustomApiDefinition>()).Concat(options.CustomApis))
            CustomApis.Add(api);
    }

    public static EmulatedOrganization Create(EmulatorOptions? options = null) => new(options ?? new EmulatorOptions());

    public Guid OrganizationId { get; } = Guid.NewGuid();
    public string OrganizationName { get; }
    public Guid SystemUserId { get; } = Guid.NewGuid();
    public Guid RootBusinessUnitId { get; } = Guid.NewGuid();

    public MetadataCatalog Catalog { get; }
    public DataStore Store { get; }
    public EmulatorClock Clock { get; }
    public ExecutionLog Log { get; }
    public StepRegistry Steps { get; } = new();
    public AsyncQueue AsyncQueue { get; }
    public IOrganizationServiceFactory ServiceFactory { get; }

    /// <summary>The scheduled cloud flows (run by <see cref="AdvanceClock"/> when on) and their runs.</summary>
    public Flows.FlowCatalog Flows { get; }

    /// <summary>The Custom APIs callable by unique name (SDK: OrganizationRequest(uniquename); Web API: actions and functions).</summary>
    public CustomApiCatalog CustomApis { get; }

    internal RequestProcessor Processor { get; }
    internal RowWriter Writer { get; }
    internal MessageRegistry Messages { get; }
    internal PluginTypeCatalog PluginTypes { get; } = new();
    internal CascadeEngine Cascades { get; }

    /// <summary>The lifecycle switches this organization was built with (may be changed by a test between requests).</summary>
    public LifecycleOptions Lifecycle { get; }

    /// <summary>Whether RetrieveMultiple rows carry their RowVersion (EmulatorOptions.QueryRowsCarryRowVersion).</summary>
    public bool QueryRowsCarryRowVersion { get; }

    /// <summary>What a Create carrying overriddencreatedon stores (EmulatorOptions.OverriddenCreatedOn).</summary>
    public OverriddenCreatedOnBehavior OverriddenCreatedOn { get; }
    internal PipelineRunner Runner { get; }

    /// <summary>A service acting as SYSTEM.</summary>
    public IOrganizationService SystemService => GetService(SystemUserId);

    /// <summary>A service acting as the given systemuser.</summary>
    public IOrganizationService GetService(Guid userId) => new OrganizationService(this, userId, userId, null);

    /// <summary>
    /// Runs <paramref name="work"/> as one unit of work for <paramref name="userId"/>: every request made through
    /// the service it is given commits together when the work returns, or none does if any request failed
    /// (even one the work caught) or the work threw. How a Web API change set and ExecuteTransaction behave.
    /// </summary>
    public T InTransaction<T>(Guid userId, Func<IOrganizationService, T> work) =>
        Processor.RunInTransaction(txn => work(new OrganizationService(this, userId, userId, null, txn)));

    /// <summary>Runs the async jobs queued by committed requests (and any they queue, retries included); returns how many ran.</summary>
    public int DrainAsyncQueue() => AsyncQueue.Drain();

    /// <summary>
    /// Moves the clock on and runs the async jobs due by then (a retried job waits AsyncQueue.RetryDelay); returns how many ran.
    /// Each time an on scheduled flow fires on the way, the clock stops there, the jobs due run, then the flow.
    /// </summary>
    public int AdvanceClock(TimeSpan by)
    {
        var target = Clock.UtcNow + by;
        var ran = 0;
        foreach (var (at, flow) in Flows.Due(Clock.UtcNow, target).ToList())
        {
            Clock.Set(at);
            ran += AsyncQueue.RunDue();
            Flows.Run(flow, at);
        }
        Clock.Set(target);
        return ran + AsyncQueue.RunDue();
    }

    /// <summary>Test-only: registers the [PluginStep] declarations of a plugin class that does not ship.</summary>
    public EmulatedOrganization RegisterPlugin<TPlugin>() where TPlugin : IPlugin
    {
        Steps.RegisterPlugin(typeof(TPlugin));
        return this;
    }

    /// <summary>Test-only: makes a plug-in class that does not ship available as a Custom API's main operation (by its PluginTypeId).</summary>
    public EmulatedOrganization RegisterPluginType<TPlugin>() where TPlugin : IPlugin
    {
        PluginTypes.Add(typeof(TPlugin));
        return this;
    }

    /// <summary>Test-only: registers a plain IPlugin instance for an explicit step.</summary>
    public EmulatedOrganization RegisterStep(StepDefinition step, IPlugin plugin)
    {
        Steps.Add(step, plugin);
        return this;
    }

    // The assembly's [PluginStep] declarations become steps; its plug-in types can back Custom APIs.
    /// <summary>
    /// Registers a plug-in assembly after creation, as <see cref="EmulatorOptions.PluginAssemblies"/> does at it:
    /// its steps and its plug-in types (Custom APIs' main operations). For an organization seeded without plug-ins.
    /// </summary>
    public void RegisterPluginAssembly(System.Reflection.Assembly assembly) => RegisterAssembly(assembly);

    private void RegisterAssembly(System.Reflection.Assembly assembly)
    {
        Steps.RegisterAssembly(assembly);
        PluginTypes.AddAssembly(assembly);
    }

    public Guid CreateBusinessUnit(string name, Guid? parentId = null) =>
        SystemService.Create(new Entity("businessunit") { ["name"] = name, ["parentbusinessunitid"] = new EntityReference("businessunit", parentId ?? RootBusinessUnitId) });

    public Guid CreateUser(string firstName, string lastName, Guid? businessUnitId = null) =>
        SystemService.Create(new Entity("systemuser")
        {
            ["firstname"] = firstName, ["lastname"] = lastName,
            ["internalemailaddress"] = $"{firstName}.{lastName}@example.com".ToLowerInvariant(),
            ["businessunitid"] = new EntityReference("businessunit", businessUnitId ?? RootBusinessUnitId),
        });

    public Guid CreateTeam(string name, Guid? businessUnitId = null) =>
        SystemService.Create(new Entity("team") { ["name"] = name, ["businessunitid"] = new EntityReference("businessunit", businessUnitId ?? RootBusinessUnitId) });

    public Guid CreateQueue(string name, string? email = null) =>
        SystemService.Create(new Entity("queue") { ["name"] = name, ["emailaddress"] = email });

    internal Guid BusinessUnitOf(Guid userId)
    {
        var schema = Catalog.Get("systemuser");
        var row = Store.Get(null, "systemuser", userId);
        return row?.Values[schema.OrdinalOf("businessunitid")] is StoredReference bu ? bu.Id : RootBusinessUnitId;
    }

    // The root business unit and SYSTEM exist in every organization; written directly, no pipeline.
    private void Bootstrap()
    {
        var txn = new Transaction();
        var bu = Catalog.Get("businessunit");
        var user = Catalog.Get("systemuser");
        var buValues = new object?[bu.Columns.Count];
        buValues[bu.OrdinalOf("name")] = OrganizationName;
        Stamp(bu, buValues);
        Store.Insert(txn, bu, new StoredRow(RootBusinessUnitId, buValues, Store.NextVersion()));
        var userValues = new object?[user.Columns.Count];
        userValues[user.OrdinalOf("fullname")] = "SYSTEM";
        userValues[user.OrdinalOf("lastname")] = "SYSTEM";
        userValues[user.OrdinalOf("isdisabled")] = false;
        userValues[user.OrdinalOf("businessunitid")] = new StoredReference("businessunit", RootBusinessUnitId);
        Stamp(user, userValues);
        Store.Insert(txn, user, new StoredRow(SystemUserId, userValues, Store.NextVersion()));
        Store.Commit(txn);
    }

    private void Stamp(TableSchema schema, object?[] values)
    {
        values[schema.OrdinalOf("createdon")] = Clock.UtcNow;
        values[schema.OrdinalOf("modifiedon")] = Clock.UtcNow;
        values[schema.OrdinalOf("createdby")] = new StoredReference("systemuser", SystemUserId);
        values[schema.OrdinalOf("modifiedby")] = new StoredReference("systemuser", SystemUserId);
    }
}
