using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace AdoptionCrm.Sdk.Tests.PluginUsage;

/// <summary>What an assembly uses from the SDK assemblies: listing lines it relies on, and its references to them.</summary>
internal sealed class SdkUsage
{
    /// <summary>Each used SDK type or member as (assembly name, listing line or line prefix, is a prefix).</summary>
    public List<(string Assembly, string Line, bool IsPrefix)> Uses { get; } = new();
    /// <summary>The assembly references to SDK assemblies as "name version token".</summary>
    public List<string> References { get; } = new();
}

/// <summary>
/// Walks TypeReferences and MemberReferences of a compiled assembly (no loading, just metadata) and turns
/// those into the SDK assemblies into the lines the official listing must contain.
/// </summary>
internal static class SdkUsageScanner
{
    public static readonly string[] SdkAssemblies = { "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy" };

    public static SdkUsage Scan(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var provider = new DocIdSignatureProvider(reader);
        var usage = new SdkUsage();

        foreach (var handle in reader.AssemblyReferences)
        {
            var reference = reader.GetAssemblyReference(handle);
            var name = reader.GetString(reference.Name);
            if (!SdkAssemblies.Contains(name)) continue;
            var key = reader.GetBlobBytes(reference.PublicKeyOrToken);
            usage.References.Add($"{name} {reference.Version} {Convert.ToHexString(key).ToLowerInvariant()}");
        }

        foreach (var handle in reader.TypeReferences)
        {
            var name = DocIdSignatureProvider.TypeReferenceName(reader, handle, out var assembly);
            if (assembly != null && SdkAssemblies.Contains(assembly))
                usage.Uses.Add((assembly, $"T:{name} kind=", true));
        }

        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            var parent = ParentType(reader, provider, member.Parent);
            if (parent?.Assembly == null || !SdkAssemblies.Contains(parent.Assembly)) continue;
            var name = reader.GetString(member.Name);

            if (member.GetKind() == MemberReferenceKind.Field)
            {
                var fieldType = member.DecodeFieldSignature(provider, null);
                // A field reference does not say whether the field is static, so match up to the type.
                usage.Uses.Add((parent.Assembly, $"F:{parent.DefinitionDocId}.{name} -> {fieldType.DocId}", true));
                continue;
            }

            var signature = member.DecodeMethodSignature(provider, null);
            var arity = signature.GenericParameterCount > 0 ? "``" + signature.GenericParameterCount : "";
            var parameters = signature.ParameterTypes.Length == 0 ? "" : "(" + string.Join(",", signature.ParameterTypes.Select(p => p.DocId)) + ")";
            var memberName = name == ".ctor" ? "#ctor" : name == ".cctor" ? "#cctor" : name;
            var line = memberName == "#ctor"
                ? $"M:{parent.DefinitionDocId}.#ctor{parameters}"
                : $"M:{parent.DefinitionDocId}.{memberName}{arity}{parameters} -> {signature.ReturnType.DocId}{(signature.Header.IsInstance ? "" : " static")}";
            usage.Uses.Add((parent.Assembly, line, false));
        }
        return usage;
    }

    // Members of instantiated generics (DataCollection<string, object>.get_Item) belong to the generic definition.
    private static SigType? ParentType(MetadataReader reader, DocIdSignatureProvider provider, EntityHandle parent) => parent.Kind switch
    {
        HandleKind.TypeReference => provider.GetTypeFromReference(reader, (TypeReferenceHandle)parent, 0),
        HandleKind.TypeSpecification => provider.GetTypeFromSpecification(reader, null, (TypeSpecificationHandle)parent, 0),
        _ => null,
    };
}
