using AdoptionCrm.Solution.Packing;

namespace AdoptionCrm.Solution.Source;

/// <summary>
/// The PluginTypeId a plug-in class gets in the packed solution, derived from its full name so it is
/// the same on every pack. A Custom API's customapi.xml names its plug-in by this id.
/// </summary>
public static class PluginTypeIds
{
    public static Guid Of(string typeFullName) => DeterministicGuid.For("plugintype", typeFullName);
}
