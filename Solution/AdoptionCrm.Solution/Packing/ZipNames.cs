using System.Text;

namespace AdoptionCrm.Solution.Packing;

/// <summary>Entry names as Dataverse writes them (solution-format.md §2.2).</summary>
public static class ZipNames
{
    public const string Customizations = "customizations.xml";
    public const string Solution = "solution.xml";
    public const string ContentTypes = "[Content_Types].xml";

    /// <summary>Keeps [A-Za-z0-9_-] only.</summary>
    public static string Strip(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-') sb.Append(c);
        return sb.ToString();
    }

    public static string PluginAssembly(string simpleName, Guid assemblyId)
    {
        var s = Strip(simpleName);
        return $"PluginAssemblies/{s}-{assemblyId.ToString("D").ToUpperInvariant()}/{s}.dll";
    }

    public static string WebResource(string name, Guid id)
    {
        var s = Strip(name);
        return $"WebResources/{s[..Math.Min(50, s.Length)]}{id.ToString("D").ToUpperInvariant()}";
    }

    /// <summary>Dataverse's file name for a solution version: 1.2.0.0 → AdoptionCrm_1_2_0_0(_managed).zip.</summary>
    public static string SolutionZip(string uniqueName, string version, bool managed) =>
        $"{uniqueName}_{version.Replace('.', '_')}{(managed ? "_managed" : "")}.zip";
}
