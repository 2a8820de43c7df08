using Xunit.Abstractions;

namespace AdoptionCrm.Sdk.Tests.ApiListing;

/// <summary>
/// Our Microsoft.Xrm.Sdk and Microsoft.Crm.Sdk.Proxy may only contain what Microsoft's do: every line our
/// net462 builds produce in the listing format must be in the official listing, the A: line included.
/// </summary>
public class ApiListingTests
{
    private readonly ITestOutputHelper _output;

    public ApiListingTests(ITestOutputHelper output) { _output = output; }

    [Fact]
    public void XrmSdk_public_api_is_a_subset_of_the_official_listing()
    {
        var produced = ApiLister.List(TestPaths.XrmSdkNet462);
        AssertSubset(produced, OfficialListing.Load(TestPaths.XrmSdkListing));
    }

    [Fact]
    public void CrmSdkProxy_public_api_is_a_subset_of_the_official_listing()
    {
        var produced = ApiLister.List(TestPaths.CrmSdkProxyNet462, TestPaths.XrmSdkNet462);
        AssertSubset(produced, OfficialListing.Load(TestPaths.ProxyListing));
    }

    [Theory]
    [InlineData("XrmSdkNet462Path", "A:Microsoft.Xrm.Sdk 9.0.0.0 31bf3856ad364e35")]
    [InlineData("CrmSdkProxyNet462Path", "A:Microsoft.Crm.Sdk.Proxy 9.0.0.0 31bf3856ad364e35")]
    public void Assembly_identity_matches_the_official_one(string pathKey, string expected)
    {
        var produced = ApiLister.List(TestPaths.Metadata(pathKey), TestPaths.XrmSdkNet462);
        Assert.Equal(expected, produced.Single(l => l.StartsWith("A:", StringComparison.Ordinal)));
    }

    /// <summary>Guards the lister itself: it must see the members we know are there, in the official spelling.</summary>
    [Theory]
    [InlineData("T:Microsoft.Xrm.Sdk.Entity kind=class")]
    [InlineData("T:Microsoft.Xrm.Sdk.Entity implements=System.Runtime.Serialization.IExtensibleDataObject")]
    [InlineData("M:Microsoft.Xrm.Sdk.Entity.GetAttributeValue``1(System.String) -> ``0")]
    [InlineData("M:Microsoft.Xrm.Sdk.DataCollection`2.TryGetValue(`0,`1@) -> System.Boolean")]
    [InlineData("T:Microsoft.Xrm.Sdk.AttributeCollection base=Microsoft.Xrm.Sdk.DataCollection{System.String,System.Object}")]
    [InlineData("P:Microsoft.Xrm.Sdk.Entity.Item(System.String) -> System.Object")]
    [InlineData("F:Microsoft.Xrm.Sdk.Query.ConditionOperator.Equal = 0")]
    [InlineData("T:Microsoft.Xrm.Sdk.ConcurrencyBehavior implements=System.IComparable")]
    [InlineData("P:Microsoft.Xrm.Sdk.Messages.CreateResponse.id -> System.Guid")]
    [InlineData("M:Microsoft.Xrm.Sdk.Entity.GetRelatedEntity``1(System.String,System.Nullable{Microsoft.Xrm.Sdk.EntityRole}) -> ``0")]
    [InlineData("T:Microsoft.Xrm.Sdk.InvalidPluginExecutionException implements=System.Runtime.InteropServices._Exception")]
    [InlineData("T:Microsoft.Xrm.Sdk.OrganizationRequestCollection implements=System.Collections.Generic.IReadOnlyList{Microsoft.Xrm.Sdk.OrganizationRequest}")]
    public void Lister_produces_known_official_lines(string line)
    {
        Assert.Contains(line, ApiLister.List(TestPaths.XrmSdkNet462));
    }

    [Fact]
    public void Proxy_lister_sees_the_messages_the_project_sends()
    {
        var produced = ApiLister.List(TestPaths.CrmSdkProxyNet462, TestPaths.XrmSdkNet462);
        Assert.Contains("T:Microsoft.Crm.Sdk.Messages.AssignRequest base=Microsoft.Xrm.Sdk.OrganizationRequest", produced);
        Assert.Contains("M:Microsoft.Crm.Sdk.Messages.SetStateRequest.set_State(Microsoft.Xrm.Sdk.OptionSetValue) -> System.Void", produced);
        Assert.Contains("P:Microsoft.Crm.Sdk.Messages.WhoAmIResponse.UserId -> System.Guid", produced);
    }

    private void AssertSubset(IReadOnlyList<string> produced, OfficialListing official)
    {
        _output.WriteLine($"{produced.Count} lines produced, official listing has {official.Lines.Count}.");
        var missing = produced.Where(l => !official.Set.Contains(l)).ToList();
        Assert.True(missing.Count == 0,
            $"{missing.Count} of {produced.Count} produced lines are not in the official listing:\n" + string.Join("\n", missing));
    }
}
