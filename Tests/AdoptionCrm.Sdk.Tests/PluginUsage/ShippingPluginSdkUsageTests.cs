using Xunit.Abstractions;
using AdoptionCrm.Sdk.Tests.ApiListing;

namespace AdoptionCrm.Sdk.Tests.PluginUsage;

/// <summary>
/// The net462 plugin built here is the one that ships and binds to Microsoft's assemblies inside Dataverse,
/// so every SDK type and member it references must exist, with that exact signature, in the official listings.
/// </summary>
public class ShippingPluginSdkUsageTests
{
    private readonly ITestOutputHelper _output;

    public ShippingPluginSdkUsageTests(ITestOutputHelper output) { _output = output; }

    [Fact]
    public void Shipping_plugin_uses_only_official_sdk_api()
    {
        var usage = SdkUsageScanner.Scan(TestPaths.ShippingPlugin);
        var listings = new Dictionary<string, OfficialListing>
        {
            ["Microsoft.Xrm.Sdk"] = OfficialListing.Load(TestPaths.XrmSdkListing),
            ["Microsoft.Crm.Sdk.Proxy"] = OfficialListing.Load(TestPaths.ProxyListing),
        };

        var distinct = usage.Uses.Select(u => u.Line).Distinct().ToList();
        _output.WriteLine($"{distinct.Count} distinct SDK types/members used:\n" + string.Join("\n", distinct.OrderBy(l => l, StringComparer.Ordinal)));

        var missing = usage.Uses.Where(u => !IsListed(listings[u.Assembly], u.Line, u.IsPrefix))
            .Select(u => $"{u.Assembly}: {u.Line}").Distinct().ToList();
        Assert.True(missing.Count == 0,
            $"The shipping plugin uses {missing.Count} SDK types/members absent from the official listings:\n" + string.Join("\n", missing));

        // Not vacuous: a plugin uses at least IPlugin and some members.
        Assert.Contains(usage.Uses, u => u.Line.StartsWith("T:Microsoft.Xrm.Sdk.", StringComparison.Ordinal));
        Assert.Contains(usage.Uses, u => u.Line.StartsWith("M:Microsoft.Xrm.Sdk.", StringComparison.Ordinal));
    }

    [Fact]
    public void Shipping_plugin_references_the_sdk_by_its_official_identity()
    {
        var usage = SdkUsageScanner.Scan(TestPaths.ShippingPlugin);
        Assert.Contains("Microsoft.Xrm.Sdk 9.0.0.0 31bf3856ad364e35", usage.References);
        Assert.All(usage.References, r => Assert.EndsWith(" 9.0.0.0 31bf3856ad364e35", r));
    }

    private static bool IsListed(OfficialListing listing, string line, bool isPrefix) =>
        isPrefix ? listing.Lines.Any(l => l.StartsWith(line, StringComparison.Ordinal)) : listing.Set.Contains(line);
}
