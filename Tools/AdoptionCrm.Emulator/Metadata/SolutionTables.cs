using System.Reflection;
using AdoptionCrm.Solution.Model;

namespace AdoptionCrm.Emulator.Metadata;

/// <summary>
/// Reads our solution's tables from AdoptionCrm.Solution.SolutionSource (Solution/src). The loader is
/// being written in parallel, so it is found by name at run time instead of at compile time; once it
/// lands this becomes a direct call. This reflects over the loader, never over early-bound classes.
/// </summary>
public static class SolutionTables
{
    public static IReadOnlyList<TableDefinition> LoadEmbeddedOrEmpty()
    {
        var sourceType = typeof(TableDefinition).Assembly.GetType("AdoptionCrm.Solution.SolutionSource");
        var load = sourceType?.GetMethod("LoadEmbedded", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes);
        if (load == null) return Array.Empty<TableDefinition>();
        var source = load.Invoke(null, null);
        var tables = source?.GetType().GetProperty("Tables")?.GetValue(source) as IEnumerable<TableDefinition>;
        return tables?.ToList() ?? (IReadOnlyList<TableDefinition>)Array.Empty<TableDefinition>();
    }
}
