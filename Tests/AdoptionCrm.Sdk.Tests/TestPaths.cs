using System.Reflection;

namespace AdoptionCrm.Sdk.Tests;

/// <summary>Paths the build passes in as assembly metadata, so tests inspect exactly what was built.</summary>
internal static class TestPaths
{
    public static string Metadata(string key)
    {
        var value = typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value;
        if (string.IsNullOrEmpty(value))
            throw new InvalidOperationException($"Assembly metadata '{key}' is missing; see AdoptionCrm.Sdk.Tests.csproj.");
        return value;
    }

    public static string RepoRoot => Path.GetFullPath(Metadata("RepoRoot"));
    public static string XrmSdkNet462 => Metadata("XrmSdkNet462Path");
    public static string CrmSdkProxyNet462 => Metadata("CrmSdkProxyNet462Path");
    public static string ShippingPlugin => Metadata("ShippingPluginPath");

    /// <summary>The official listings as committed in the repository (Sdk/reference).</summary>
    public static string RepoListing(string fileName) => Path.Combine(RepoRoot, "Sdk", "reference", fileName);

    /// <summary>The shared reference folder, which CI checks out beside the clone.</summary>
    public static string SharedListingFolder => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "reference", "xrm-sdk"));

    public const string XrmSdkListing = "Microsoft.Xrm.Sdk.api.txt";
    public const string ProxyListing = "Microsoft.Crm.Sdk.Proxy.api.txt";
}
