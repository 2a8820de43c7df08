using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace AdoptionCrm.Sdk.Tests.PluginUsage;

/// <summary>A type met in the plugin's metadata, named as the listing names it, with the assembly that defines it.</summary>
internal sealed record SigType(string DocId, string DefinitionDocId, string? Assembly);

/// <summary>
/// Decodes signatures in the plugin's metadata into the listing's doc-ID spelling, so a member reference
/// becomes exactly the M:/F: line the official listing would hold for it.
/// </summary>
internal sealed class DocIdSignatureProvider : ISignatureTypeProvider<SigType, object?>
{
    private readonly MetadataReader _reader;

    public DocIdSignatureProvider(MetadataReader reader) { _reader = reader; }

    public SigType GetPrimitiveType(PrimitiveTypeCode typeCode)
    {
        var name = "System." + typeCode switch
        {
            PrimitiveTypeCode.Boolean => "Boolean", PrimitiveTypeCode.Byte => "Byte", PrimitiveTypeCode.SByte => "SByte",
            PrimitiveTypeCode.Char => "Char", PrimitiveTypeCode.Int16 => "Int16", PrimitiveTypeCode.UInt16 => "UInt16",
            PrimitiveTypeCode.Int32 => "Int32", PrimitiveTypeCode.UInt32 => "UInt32", PrimitiveTypeCode.Int64 => "Int64",
            PrimitiveTypeCode.UInt64 => "UInt64", PrimitiveTypeCode.Single => "Single", PrimitiveTypeCode.Double => "Double",
            PrimitiveTypeCode.IntPtr => "IntPtr", PrimitiveTypeCode.UIntPtr => "UIntPtr", PrimitiveTypeCode.Object => "Object",
            PrimitiveTypeCode.String => "String", PrimitiveTypeCode.Void => "Void", PrimitiveTypeCode.TypedReference => "TypedReference",
            _ => throw new NotSupportedException(typeCode.ToString()),
        };
        return new SigType(name, name, "mscorlib");
    }

    public SigType GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        var name = TypeReferenceName(reader, handle, out var assembly);
        return new SigType(StripArity(name), name, assembly);
    }

    public SigType GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        var definition = reader.GetTypeDefinition(handle);
        var name = reader.GetString(definition.Name);
        var declaring = definition.GetDeclaringType();
        var full = declaring.IsNil
            ? Join(reader.GetString(definition.Namespace), name)
            : GetTypeFromDefinition(reader, declaring, rawTypeKind).DefinitionDocId + "." + name;
        return new SigType(StripArity(full), full, null);
    }

    public SigType GetTypeFromSpecification(MetadataReader reader, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, context);

    public SigType GetGenericInstantiation(SigType genericType, ImmutableArray<SigType> typeArguments) =>
        genericType with { DocId = genericType.DocId + "{" + string.Join(",", typeArguments.Select(a => a.DocId)) + "}" };

    public SigType GetSZArrayType(SigType elementType) => elementType with { DocId = elementType.DocId + "[]" };
    public SigType GetArrayType(SigType elementType, ArrayShape shape) =>
        elementType with { DocId = elementType.DocId + "[" + string.Join(",", Enumerable.Repeat("0:", shape.Rank)) + "]" };
    public SigType GetByReferenceType(SigType elementType) => elementType with { DocId = elementType.DocId + "@" };
    public SigType GetPointerType(SigType elementType) => elementType with { DocId = elementType.DocId + "*" };
    public SigType GetPinnedType(SigType elementType) => elementType;
    public SigType GetModifiedType(SigType modifier, SigType unmodifiedType, bool isRequired) => unmodifiedType;
    public SigType GetGenericTypeParameter(object? context, int index) => new("`" + index, "`" + index, null);
    public SigType GetGenericMethodParameter(object? context, int index) => new("``" + index, "``" + index, null);
    public SigType GetFunctionPointerType(MethodSignature<SigType> signature) => new("System.IntPtr", "System.IntPtr", "mscorlib");

    /// <summary>Doc-ID name of a type reference (nested types joined with '.') and the assembly it comes from.</summary>
    public static string TypeReferenceName(MetadataReader reader, TypeReferenceHandle handle, out string? assembly)
    {
        var reference = reader.GetTypeReference(handle);
        var name = reader.GetString(reference.Name);
        var scope = reference.ResolutionScope;
        switch (scope.Kind)
        {
            case HandleKind.TypeReference:
                return TypeReferenceName(reader, (TypeReferenceHandle)scope, out assembly) + "." + name;
            case HandleKind.AssemblyReference:
                assembly = reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
                return Join(reader.GetString(reference.Namespace), name);
            default:
                assembly = null;
                return Join(reader.GetString(reference.Namespace), name);
        }
    }

    private static string Join(string ns, string name) => string.IsNullOrEmpty(ns) ? name : ns + "." + name;

    // In instantiations the listing drops the `N arity: DataCollection{System.String,System.Object}.
    private static string StripArity(string name)
    {
        var tick = name.LastIndexOf('`');
        return tick > name.LastIndexOf('.') ? name.Substring(0, tick) : name;
    }
}
