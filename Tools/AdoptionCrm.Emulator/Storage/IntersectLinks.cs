using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Storage;

/// <summary>N:N intersect rows: order-independent, so Associate(a, b) and Disassociate(b, a) meet.</summary>
public static class IntersectLinks
{
    public static IntersectLink Normalize(string relationship, EntityReference a, EntityReference b)
    {
        var first = string.CompareOrdinal(a.LogicalName, b.LogicalName) < 0 || a.LogicalName == b.LogicalName && a.Id.CompareTo(b.Id) <= 0;
        return first ? new IntersectLink(relationship, a.LogicalName, a.Id, b.LogicalName, b.Id) : new IntersectLink(relationship, b.LogicalName, b.Id, a.LogicalName, a.Id);
    }
}
