using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace AdoptionCrm.Plugins.Tests.EmailDomains;

/// <summary>The net462 DLL that ships carries the three lists and stays far below Dataverse's 16 MB cap.</summary>
public class ShippingListsTests
{
    private static string ShippingPluginPath() =>
        typeof(ShippingListsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ShippingPluginPath").Value!;

    [Fact]
    public void Net462_plugin_embeds_the_lists_and_is_under_4_MB()
    {
        string path = ShippingPluginPath();
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        var names = metadata.ManifestResources.Select(h => metadata.GetString(metadata.GetManifestResource(h).Name)).ToList();
        Assert.Contains("AdoptionCrm.Plugins.ReferenceLists.public_suffix_list.dat.gz", names);
        Assert.Contains("AdoptionCrm.Plugins.ReferenceLists.free_email_domains.txt.gz", names);
        Assert.Contains("AdoptionCrm.Plugins.ReferenceLists.disposable_domains.txt.gz", names);
        // 16 MB is the platform's limit; the lists take under 1 MB compressed, so 4 MB leaves room
        // for the rest of the plugin and flags an accidental uncompressed embed.
        Assert.InRange(new FileInfo(path).Length, 1, 4L * 1024 * 1024);
    }
}
