using System.Reflection;
using AdoptionCrm.Solution.Source;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.CustomApis;

/// <summary>
/// The plug-in types of the registered assemblies by PluginTypeId, the id the packer gives each type
/// (<see cref="PluginTypeIds"/>), so a Custom API's <c>plugintypeid</c> finds its main operation here as
/// it finds its PluginType in the packed solution. One instance per type, built with Dataverse's
/// (unsecure, secure) constructor when the type has it.
/// </summary>
internal sealed class PluginTypeCatalog
{
    private readonly Dictionary<Guid, Type> _types = new();
    private readonly Dictionary<Guid, IPlugin> _instances = new();
    private readonly object _gate = new();

    public void AddAssembly(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => typeof(IPlugin).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }))
            Add(type);
    }

    public void Add(Type pluginType)
    {
        if (!typeof(IPlugin).IsAssignableFrom(pluginType)) throw new ArgumentException($"{pluginType.FullName} is not an IPlugin.", nameof(pluginType));
        lock (_gate) _types[PluginTypeIds.Of(pluginType.FullName!)] = pluginType;
    }

    public (IPlugin Plugin, string Name)? Find(Guid pluginTypeId)
    {
        lock (_gate)
        {
            if (!_types.TryGetValue(pluginTypeId, out var type)) return null;
            if (!_instances.TryGetValue(pluginTypeId, out var plugin)) _instances[pluginTypeId] = plugin = Instantiate(type);
            return (plugin, type.FullName!);
        }
    }

    private static IPlugin Instantiate(Type type)
    {
        var withConfig = type.GetConstructor(new[] { typeof(string), typeof(string) });
        var instance = withConfig != null ? withConfig.Invoke(new object?[] { null, null }) : Activator.CreateInstance(type);
        return (IPlugin)instance!;
    }
}
