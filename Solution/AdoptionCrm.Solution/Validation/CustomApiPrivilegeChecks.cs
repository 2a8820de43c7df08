using System.Xml.Linq;
using AdoptionCrm.Solution.Packing;
using AdoptionCrm.Solution.Source;

namespace AdoptionCrm.Solution.Validation;

/// <summary>
/// A Custom API's executeprivilegename ("Name of the privilege that allows execution of the custom API",
/// learn.microsoft.com/power-apps/developer/data-platform/reference/entities/customapi#BKMK_ExecutePrivilegeName)
/// must be one a role of the zip grants: a privilege no role of ours holds leaves the API to System
/// Administrators only, or names nothing (a typo), which the platform reports only when someone calls it.
/// </summary>
internal static class CustomApiPrivilegeChecks
{
    public static void Run(XDocument customizations, IReadOnlyDictionary<string, byte[]> entries, List<ValidationProblem> problems)
    {
        var granted = customizations.Root!.Element("Roles")?.Elements("Role").SelectMany(r => r.Element("RolePrivileges")?.Elements("RolePrivilege") ?? [])
            .Select(p => (string?)p.Attribute("name") ?? "").ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var (name, content) in entries.Where(e => e.Key.StartsWith(CustomApiReader.Folder, StringComparison.Ordinal) && e.Key.EndsWith("/customapi.xml", StringComparison.Ordinal)))
        {
            XDocument api;
            try { api = XDocument.Load(new MemoryStream(content)); }
            catch (System.Xml.XmlException e) { problems.Add(new(name, "not well-formed: " + e.Message)); continue; }
            var privilege = api.Root?.Element("executeprivilegename")?.Value.Trim();
            if (string.IsNullOrEmpty(privilege)) continue;
            if (!granted.Contains(privilege))
                problems.Add(new(name, $"executeprivilegename {privilege} is granted by no role of the solution (check the name and its case as the roles write it)"));
        }
    }
}
