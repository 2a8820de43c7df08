using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace AdoptionCrm.Solution.Packing;

/// <summary>
/// The identity of the shipping plugin DLL read from its metadata (never loaded: it is net462), so
/// PluginAssembly@FullName states exactly what Dataverse will see.
/// </summary>
public sealed record PluginAssemblyIdentity(string Name, Version Version, string Culture, string PublicKeyToken, IReadOnlySet<string> TypeNames,
    IReadOnlySet<string> PluginTypeNames)
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
            var plugins = md.TypeDefinitions
                .Select(h => md.GetTypeDefinition(h))
                .Where(t => (t.Attributes & System.Reflection.TypeAttributes.Abstract) == 0 && (t.Attributes & System.Reflection.TypeAttributes.Interface) == 0)
                .Where(t => ImplementsIPlugin(md, t, 0))
                .Select(t => Full(md, t))
                .ToHashSet(StringComparer.Ordinal);
            return new PluginAssemblyIdentity(md.GetString(def.Name), def.Version, culture.Length == 0 ? "neutral" : culture,
                Convert.ToHexStringLower(token), types, plugins);
        }
        catch (BadImageFormatException e)
        {
            throw new InvalidOperationException($"{pathForMessages}: not a .NET assembly ({e.Message})", e);
        }
    }

    /// <summary>
    /// Whether the type implements Microsoft.Xrm.Sdk.IPlugin, directly or through base classes of this
    /// assembly, read from metadata by name (the SDK assembly need not be present).
    /// </summary>
    private static bool ImplementsIPlugin(MetadataReader md, TypeDefinition type, int depth)
    {
        if (depth > 32) return false;
        foreach (var handle in type.GetInterfaceImplementations())
            if (NameOf(md, md.GetInterfaceImplementation(handle).Interface) == Registration.PluginStepReader.PluginInterface) return true;
        return !type.BaseType.IsNil && type.BaseType.Kind == HandleKind.TypeDefinition
            && ImplementsIPlugin(md, md.GetTypeDefinition((TypeDefinitionHandle)type.BaseType), depth + 1);
    }

    private static string? NameOf(MetadataReader md, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeReference => md.GetString(md.GetTypeReference((TypeReferenceHandle)handle).Namespace) + "." + md.GetString(md.GetTypeReference((TypeReferenceHandle)handle).Name),
        HandleKind.TypeDefinition => Full(md, md.GetTypeDefinition((TypeDefinitionHandle)handle)),
        _ => null,
    };

    private static string Full(MetadataReader md, TypeDefinition type)
    {
        var name = md.GetString(type.Name);
        if (!type.GetDeclaringType().IsNil)
            return Full(md, md.GetTypeDefinition(type.GetDeclaringType())) + "+" + name;
        var ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
