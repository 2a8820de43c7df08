using System.Reflection;
using System.Runtime.InteropServices;

namespace AdoptionCrm.Solution.Packing;

/// <summary>
/// The plug-in classes of a DLL (public, concrete, implementing Microsoft.Xrm.Sdk.IPlugin), read through a
/// MetadataLoadContext without executing it: a Custom API's plug-in has no step, yet its PluginType must
/// travel in the solution for customapi.xml's plugintypeid to bind on import.
/// </summary>
public static class PluginTypeNames
{
    public const string PluginInterface = "Microsoft.Xrm.Sdk.IPlugin";

    public static IReadOnlyList<string> FromAssemblyFile(byte[] dll, string? directory = null)
    {
        var paths = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll").ToList();
        if (directory is not null && Directory.Exists(directory)) paths.AddRange(Directory.GetFiles(directory, "*.dll"));
        using var context = new MetadataLoadContext(new PathAssemblyResolver(paths.GroupBy(Path.GetFileName).Select(g => g.Last())));
        return context.LoadFromByteArray(dll).GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.GetInterfaces().Any(i => i.FullName == PluginInterface))
            .Select(t => t.FullName!).OrderBy(n => n, StringComparer.Ordinal).ToList();
    }
}
