using System.Security.Cryptography;

namespace AdoptionCrm.Sdk.Tests.ApiListing;

/// <summary>
/// Sdk/reference holds copies of the official listings (facts, committed so the repository stands alone).
/// They must stay byte-identical to the shared reference, which CI checks out at ../shared beside the clone.
/// </summary>
public class ReferenceCopyTests
{
    [Theory]
    [InlineData(TestPaths.XrmSdkListing)]
    [InlineData(TestPaths.ProxyListing)]
    public void Copy_is_well_formed_and_identical_to_the_shared_reference(string fileName)
    {
        var copy = OfficialListing.Load(fileName);
        Assert.Empty(copy.FormatProblems());

        var shared = Path.Combine(TestPaths.SharedListingFolder, fileName);
        // Without ../shared there is nothing to compare with; the format check above still had to pass.
        if (!Directory.Exists(TestPaths.SharedListingFolder)) return;
        Assert.True(File.Exists(shared), $"{shared} is missing from the shared reference");
        Assert.Equal(File.ReadAllBytes(shared), File.ReadAllBytes(TestPaths.RepoListing(fileName)));
    }

    [Theory]
    [InlineData(TestPaths.XrmSdkListing, "A:Microsoft.Xrm.Sdk 9.0.0.0 31bf3856ad364e35")]
    [InlineData(TestPaths.ProxyListing, "A:Microsoft.Crm.Sdk.Proxy 9.0.0.0 31bf3856ad364e35")]
    public void Listing_names_the_identity_we_build(string fileName, string assemblyLine)
    {
        Assert.Equal(assemblyLine, OfficialListing.Load(fileName).Lines[0]);
    }

    /// <summary>
    /// Both official assemblies carry token 31bf3856ad364e35; the token is the last 8 bytes of the SHA-1 of the
    /// public key blob, reversed. Our key files must be that key, or callers would bind to another identity.
    /// </summary>
    [Theory]
    [InlineData("Sdk/Microsoft.Xrm.Sdk/MicrosoftXrmSdk.PublicKey.snk")]
    [InlineData("Sdk/Microsoft.Crm.Sdk.Proxy/MicrosoftCrmSdkProxy.PublicKey.snk")]
    public void Key_file_yields_the_official_public_key_token(string keyFile)
    {
        var key = File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, keyFile));
        var token = SHA1.HashData(key).TakeLast(8).Reverse().ToArray();
        Assert.Equal("31bf3856ad364e35", Convert.ToHexString(token).ToLowerInvariant());
    }
}
