using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace AdoptionCrm.Plugins.Tests;

/// <summary>
/// Reads the metadata of the net462 plugin DLL that ships (not the net10.0 test build) and checks
/// what Dataverse will check on registration: strong name, and no dependency but the SDK.
/// </summary>
public class ShippingAssemblyTests
{
    private static readonly string[] FrameworkAssemblies =
    {
        "mscorlib", "System", "System.Core", "System.ServiceModel", "System.Runtime.Serialization", "System.Xml", "System.Xml.Linq",
    };

    private static string ShippingPluginPath() =>
        typeof(ShippingAssemblyTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ShippingPluginPath").Value!;

    private static string RepoRoot() =>
        typeof(ShippingAssemblyTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepoRoot").Value!;

    [Fact]
    public void Net462_plugin_targets_dotnet_framework_462()
    {
        using var reader = OpenShipping(out var metadata);
        var targetFramework = metadata.GetAssemblyDefinition().GetCustomAttributes()
            .Select(h => metadata.GetCustomAttribute(h))
            .Select(a => AttributeTypeName(metadata, a) == "TargetFrameworkAttribute" ? DecodeFirstString(metadata, a) : null)
            .FirstOrDefault(s => s != null);
        Assert.Equal(".NETFramework,Version=v4.6.2", targetFramework);
    }

    [Fact]
    public void Net462_plugin_is_strong_named_with_the_project_key()
    {
        using var reader = OpenShipping(out var metadata);
        var definition = metadata.GetAssemblyDefinition();
        var publicKey = metadata.GetBlobBytes(definition.PublicKey);
        Assert.NotEmpty(publicKey);

        // The committed key pair (CAPI private key blob): its public part must be the one in the DLL.
        using var rsa = new RSACryptoServiceProvider();
        rsa.ImportCspBlob(File.ReadAllBytes(Path.Combine(RepoRoot(), "Plugins", "AdoptionCrm.Plugins.snk")));
        var modulus = rsa.ExportParameters(false).Modulus!;
        var modulusLittleEndian = modulus.Reverse().ToArray();
        Assert.True(ContainsSequence(publicKey, modulusLittleEndian), "DLL public key is not the project's key");

        // Really signed, not just public-signed: the CLI header flag says the signature is present.
        Assert.True(reader.PEHeaders.CorHeader!.Flags.HasFlag(CorFlags.StrongNameSigned), "DLL is not strong-name signed");
    }

    [Fact]
    public void Net462_plugin_references_only_the_framework_and_Microsoft_Xrm_Sdk_9()
    {
        using var reader = OpenShipping(out var metadata);
        var nonFramework = metadata.AssemblyReferences
            .Select(h => metadata.GetAssemblyReference(h))
            .Where(r => !FrameworkAssemblies.Contains(metadata.GetString(r.Name)))
            .Select(r => $"{metadata.GetString(r.Name)}, Version={r.Version}, PublicKeyToken={Convert.ToHexString(metadata.GetBlobBytes(r.PublicKeyOrToken)).ToLowerInvariant()}")
            .ToList();
        Assert.Equal(new[] { "Microsoft.Xrm.Sdk, Version=9.0.0.0, PublicKeyToken=31bf3856ad364e35" }, nonFramework);
    }

    private static PEReader OpenShipping(out MetadataReader metadata)
    {
        var path = ShippingPluginPath();
        Assert.True(File.Exists(path), $"the net462 plugin was not built at {path}");
        var reader = new PEReader(File.OpenRead(path));
        metadata = reader.GetMetadataReader();
        return reader;
    }

    private static string? AttributeTypeName(MetadataReader metadata, CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MemberReference) return null;
        var ctor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
        if (ctor.Parent.Kind != HandleKind.TypeReference) return null;
        return metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)ctor.Parent).Name);
    }

    private static string? DecodeFirstString(MetadataReader metadata, CustomAttribute attribute)
    {
        var blob = metadata.GetBlobReader(attribute.Value);
        blob.ReadUInt16(); // prolog
        return blob.ReadSerializedString();
    }

    private static bool ContainsSequence(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return true;
        return false;
    }
}
