using AdoptionCrm.Solution.Source;

namespace AdoptionCrm.Emulator.CustomApis;

/// <summary>The organization's Custom APIs by unique name (from the solution source, the options, or a test).</summary>
public sealed class CustomApiCatalog
{
    private readonly Dictionary<string, CustomApiHandler> _apis = new(StringComparer.Ordinal);
    private readonly EmulatedOrganization _org;
    private readonly object _gate = new();

    internal CustomApiCatalog(EmulatedOrganization org) => _org = org;

    public IReadOnlyList<CustomApiDefinition> All { get { lock (_gate) return _apis.Values.Select(h => h.Api).ToList(); } }

    public CustomApiDefinition? Find(string uniqueName) { lock (_gate) return _apis.GetValueOrDefault(uniqueName)?.Api; }

    public void Add(CustomApiDefinition api)
    {
        if (api.Binding != CustomApiBinding.Global && !_org.Catalog.Contains(api.BoundEntityLogicalName!))
            throw new InvalidOperationException($"Custom API {api.UniqueName} is bound to {api.BoundEntityLogicalName}, a table the organization does not have.");
        lock (_gate)
        {
            if (_apis.ContainsKey(api.UniqueName)) throw new InvalidOperationException($"Custom API {api.UniqueName} is declared twice.");
            _apis[api.UniqueName] = new CustomApiHandler(_org, api);
        }
    }

    internal CustomApiHandler? Handler(string uniqueName) { lock (_gate) return _apis.GetValueOrDefault(uniqueName); }
}
