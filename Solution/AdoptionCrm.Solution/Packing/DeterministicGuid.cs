using System.Security.Cryptography;
using System.Text;

namespace AdoptionCrm.Solution.Packing;

/// <summary>
/// Name-based UUIDs (RFC 4122 version 5, SHA-1) so every component id the source does not fix is the
/// same on every pack: upgrades then update the component instead of creating a second one.
/// </summary>
public static class DeterministicGuid
{
    /// <summary>Our namespace. Changing it would change every derived id and break upgrades.</summary>
    public static readonly Guid Namespace = new("6f1d3c52-8a4e-4b7a-9d0e-2f5c1a7b9e31");

    public static Guid For(string kind, string name) => Create(Namespace, kind + ":" + name);

    public static Guid Create(Guid ns, string name)
    {
        var nsBytes = ns.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var hash = SHA1.HashData([.. nsBytes, .. nameBytes]);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
