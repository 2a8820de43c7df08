using AdoptionCrm.Solution;
using AdoptionCrm.Solution.Source;

namespace AdoptionCrm.Emulator.Flows;

/// <summary>
/// The organization's scheduled cloud flows and their runs. A flow starts in the state its solution ships it in
/// (<see cref="ScheduledFlow.ShippedOn"/>: a Draft flow is off until an admin turns it on), unless
/// <see cref="EmulatorOptions.TurnOnFlows"/> turns every flow on; <see cref="TurnOn"/> and <see cref="TurnOff"/>
/// are the admin's switch. The emulator
/// runs an on flow at each time its Recurrence fires while <see cref="EmulatedOrganization.AdvanceClock"/>
/// moves the clock past it.
/// </summary>
public sealed class FlowCatalog
{
    private const int KeptRuns = 1000;
    private static readonly Lazy<IReadOnlyList<ScheduledFlow>> Embedded =
        new(() => FlowReader.ReadAll(SolutionSource.LoadEmbedded().Files).Select(ScheduledFlow.From).OfType<ScheduledFlow>().ToList());

    private readonly EmulatedOrganization _org;
    private readonly List<ScheduledFlow> _flows;
    private readonly HashSet<string> _on = new(StringComparer.Ordinal);
    private readonly Queue<FlowRun> _runs = new();
    private readonly TimeSpan _callDuration;

    internal FlowCatalog(EmulatedOrganization org, EmulatorOptions options)
    {
        _org = org;
        _callDuration = options.FlowCallDuration;
        _flows = (options.LoadSolutionFlows ? Embedded.Value : Array.Empty<ScheduledFlow>())
            .Concat(options.Flows.Select(ScheduledFlow.From).OfType<ScheduledFlow>()).ToList();
        foreach (var flow in _flows.Where(f => options.TurnOnFlows || f.ShippedOn)) _on.Add(flow.Name);
    }

    public IReadOnlyList<ScheduledFlow> Scheduled => _flows;

    /// <summary>The latest runs (at most 1,000 kept), oldest first.</summary>
    public IReadOnlyList<FlowRun> Runs => _runs.ToList();

    public bool IsOn(string name) => _on.Contains(name);

    public void TurnOn(string name) => _on.Add(Find(name).Name);

    public void TurnOff(string name) => _on.Remove(Find(name).Name);

    /// <summary>Runs a flow now, as "Run" in the flow's page does (on or off).</summary>
    public FlowRun RunNow(string name) => Run(Find(name), _org.Clock.UtcNow);

    /// <summary>The on flows' firing times after <paramref name="afterUtc"/> up to <paramref name="untilUtc"/>, in time order.</summary>
    internal IEnumerable<(DateTime At, ScheduledFlow Flow)> Due(DateTime afterUtc, DateTime untilUtc) =>
        _flows.Where(f => _on.Contains(f.Name)).SelectMany(f => f.Recurrence.Between(afterUtc, untilUtc).Select(at => (at, f))).OrderBy(d => d.at);

    internal FlowRun Run(ScheduledFlow flow, DateTime at)
    {
        var run = new FlowRunner(_org, flow, _callDuration).Run(at);
        _runs.Enqueue(run);
        while (_runs.Count > KeptRuns) _runs.Dequeue();
        return run;
    }

    private ScheduledFlow Find(string name) => _flows.FirstOrDefault(f => f.Name == name) ?? throw new KeyNotFoundException($"no scheduled flow named {name}");
}
