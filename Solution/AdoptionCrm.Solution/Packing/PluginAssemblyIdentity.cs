using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace AdoptionCrm.Solution.Packing;

/// <summary>
/// The identity of the shipping plugin DLL read from its metadata (never loaded: it is net462), so
/// PluginAssembly@FullName states exactly what Dataverse will see.
/// </summary>
public sealed record PluginAssemblyIdentity(string Name, Version Version, string Culture, string PublicKeyToken, IReadOnlySet<string> TypeNames)
{
    public string FullName => $"{Name}, Version={Version}, Culture={Culture}, PublicKeyToken={PublicKeyToken}";

    public static PluginAssemblyIdentity Read(byte[] dll, string pathForMessages)
    {
        try
        {
            using var pe = new PEReader(new MemoryStream(dll));
            var md = pe.GetMetadataReader();
            var def = md.GetAssemblyDefinition();
            var publicKey = md.GetBlobBytes(def.PublicKey);
            if (publicKey.Length == 0)
                throw new InvalidOperationException($"{pathForMessages}: the plugin assembly is not strong-named; Dataverse requires a PublicKeyToken");
            // The token is the last 8 bytes of the SHA-1 of the public key, reversed (ECMA-335 II.6.3).
            var token = SHA1.HashData(publicKey)[^8..].Reverse().ToArray();
            var culture = md.GetString(def.Culture);
            var types = md.TypeDefinitions
                .Select(h => md.GetTypeDefinition(h))
                .Select(t => Full(md, t))
                .ToHashSet(StringComparer.Ordinal);
            return new PluginAssemblyIdentity(md.GetString(def.Name), def.Version, culture.Length == 0 ? "neutral" : culture,
                Convert.ToHexStringLower(token), types);
        }
        catch (BadImageFormatException e)
        {
            throw new InvalidOperationException($"{pathForMessages}: not a .NET assembly ({e.Message})", e);
        }
    }

    private static string Full(MetadataReader md, TypeDefinition type)
    {
        var name = md.GetString(type.Name);
        if (!type.GetDeclaringType().IsNil)
            return Full(md, md.GetTypeDefinition(type.GetDeclaringType())) + "+" + name;
        var ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
