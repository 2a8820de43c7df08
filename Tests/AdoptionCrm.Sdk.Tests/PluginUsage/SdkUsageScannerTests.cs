namespace AdoptionCrm.Sdk.Tests.PluginUsage;

/// <summary>
/// The scanner's own check, on an assembly whose SDK usage we know: our net462 Proxy calls into Microsoft.Xrm.Sdk
/// through plain members, instantiated generics (DataCollection`2) and constructors.
/// </summary>
public class SdkUsageScannerTests
{
    [Theory]
    [InlineData("T:Microsoft.Xrm.Sdk.OrganizationRequest kind=")]
    [InlineData("M:Microsoft.Xrm.Sdk.OrganizationRequest.get_Parameters -> Microsoft.Xrm.Sdk.ParameterCollection")]
    [InlineData("M:Microsoft.Xrm.Sdk.OrganizationRequest.set_RequestName(System.String) -> System.Void")]
    [InlineData("M:Microsoft.Xrm.Sdk.DataCollection`2.get_Item(`0) -> `1")]
    [InlineData("M:Microsoft.Xrm.Sdk.DataCollection`2.set_Item(`0,`1) -> System.Void")]
    [InlineData("M:Microsoft.Xrm.Sdk.DataCollection`2.Contains(`0) -> System.Boolean")]
    [InlineData("M:Microsoft.Xrm.Sdk.OrganizationResponse.#ctor")]
    public void Scanner_spells_member_references_as_the_listing_does(string expected)
    {
        var usage = SdkUsageScanner.Scan(TestPaths.CrmSdkProxyNet462);
        Assert.Contains(usage.Uses, u => u.Assembly == "Microsoft.Xrm.Sdk" && u.Line == expected);
    }

    [Fact]
    public void Scanner_ignores_framework_references()
    {
        var usage = SdkUsageScanner.Scan(TestPaths.CrmSdkProxyNet462);
        Assert.DoesNotContain(usage.Uses, u => u.Line.StartsWith("T:System.", StringComparison.Ordinal));
    }
}
