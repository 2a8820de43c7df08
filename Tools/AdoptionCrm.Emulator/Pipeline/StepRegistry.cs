using System.Reflection;
using AdoptionCrm.Solution.Registration;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Pipeline;

/// <summary>
/// The registered steps: read from the [PluginStep] declarations of the assemblies a caller registers (by
/// the solution's one reader, PluginStepReader, so the emulator runs what the packer ships), plus
/// test-only additions. Nothing is registered unless a caller asks.
/// </summary>
public sealed class StepRegistry
{
    private readonly List<RegisteredPluginStep> _steps = new();
    private readonly object _gate = new();
    private volatile RegisteredPluginStep[] _snapshot = Array.Empty<RegisteredPluginStep>();
    // Steps by (message, table, stage), computed from the snapshot they were read from: every request asks
    // three times, and the answer changes only when a step is added.
    private volatile Lookup _lookup = new(Array.Empty<RegisteredPluginStep>());

    private sealed class Lookup
    {
        public Lookup(RegisteredPluginStep[] snapshot) => Snapshot = snapshot;
        public RegisteredPluginStep[] Snapshot { get; }
        public System.Collections.Concurrent.ConcurrentDictionary<(string, string?, int), RegisteredPluginStep[]> ByKey { get; } = new(StepKeyComparer.Instance);
    }

    // Message and table names match without regard to case, as registrations do; comparing so saves lower-casing
    // both names on every request.
    private sealed class StepKeyComparer : IEqualityComparer<(string, string?, int)>
    {
        public static readonly StepKeyComparer Instance = new();
        public bool Equals((string, string?, int) x, (string, string?, int) y) =>
            x.Item3 == y.Item3 && StringComparer.OrdinalIgnoreCase.Equals(x.Item1, y.Item1)
            && (x.Item2 == null ? y.Item2 == null : y.Item2 != null && StringComparer.OrdinalIgnoreCase.Equals(x.Item2, y.Item2));
        public int GetHashCode((string, string?, int) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Item1), key.Item2 == null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(key.Item2), key.Item3);
    }

    public IReadOnlyList<RegisteredPluginStep> All => _snapshot;

    /// <summary>Every step declared in a plugin assembly, from the one registration declaration.</summary>
    public void RegisterAssembly(Assembly assembly)
    {
        foreach (var group in PluginStepReader.FromAssembly(assembly).GroupBy(s => s.PluginTypeFullName))
        {
            var type = assembly.GetType(group.Key, throwOnError: true)!;
            var plugin = Instantiate(type);
            foreach (var step in group) Add(StepDefinition.From(step), plugin, group.Key);
        }
    }

    /// <summary>The steps declared on one plugin class (tests register their own plugins this way).</summary>
    public void RegisterPlugin(Type pluginType)
    {
        var plugin = Instantiate(pluginType);
        var steps = PluginStepReader.FromType(pluginType);
        if (steps.Count == 0) throw new InvalidOperationException($"{pluginType.FullName} declares no [PluginStep].");
        foreach (var step in steps) Add(StepDefinition.From(step), plugin, pluginType.FullName!);
    }

    /// <summary>A plain IPlugin with an explicit step (test-only; shipped plugins declare [PluginStep]).</summary>
    public void Add(StepDefinition definition, IPlugin plugin, string? name = null)
    {
        definition.Validate();
        lock (_gate)
        {
            _steps.Add(new RegisteredPluginStep(definition, plugin, name ?? plugin.GetType().FullName!, _steps.Count));
            _snapshot = _steps.ToArray();
        }
    }

    /// <summary>Steps for a message, table and stage, in registration order; steps with no table fire for every table.</summary>
    public IEnumerable<RegisteredPluginStep> For(string message, string? table, int stage) => Ordered(message, table, stage);

    /// <summary>The same steps in execution order (rank, then registration), as an array the caller must not change.</summary>
    internal RegisteredPluginStep[] Ordered(string message, string? table, int stage)
    {
        var lookup = _lookup;
        if (!ReferenceEquals(lookup.Snapshot, _snapshot)) _lookup = lookup = new Lookup(_snapshot);
        // The snapshot goes in as the factory's argument: a lambda capturing it would be allocated on every call.
        return lookup.ByKey.GetOrAdd((message, table, stage), static (key, snapshot) => snapshot
            .Where(s => s.Definition.Stage == key.Item3
                && string.Equals(s.Definition.Message, key.Item1, StringComparison.OrdinalIgnoreCase)
                && (s.Definition.PrimaryEntity == null || string.Equals(s.Definition.PrimaryEntity, key.Item2, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(s => s.Definition.Rank).ThenBy(s => s.Sequence).ToArray(), lookup.Snapshot);
    }

    // Dataverse constructs a plugin with (unsecure, secure) configuration when it has that constructor.
    private static IPlugin Instantiate(Type type)
    {
        var withConfig = type.GetConstructor(new[] { typeof(string), typeof(string) });
        var instance = withConfig != null ? withConfig.Invoke(new object?[] { null, null }) : Activator.CreateInstance(type);
        return instance as IPlugin ?? throw new InvalidOperationException($"{type.FullName} is not an IPlugin.");
    }
}
