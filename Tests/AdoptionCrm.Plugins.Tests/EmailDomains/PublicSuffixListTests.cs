using AdoptionCrm.Plugins.EmailDomains;

namespace AdoptionCrm.Plugins.Tests.EmailDomains;

/// <summary>The list's matching algorithm, on a small list in .dat format and on the embedded list.</summary>
public class PublicSuffixListTests
{
    private static readonly PublicSuffixList Small = PublicSuffixList.Parse(new StringReader(
        "// ===BEGIN ICANN DOMAINS===\n" +
        "com\nuk\nco.uk\njp\n*.kawasaki.jp\n!city.kawasaki.jp\n*.ck\n!www.ck\n" +
        "// ===END ICANN DOMAINS===\n" +
        "// ===BEGIN PRIVATE DOMAINS===\n" +
        "// GitHub\ngithub.io\n*.compute.example.com\n" +
        "// ===END PRIVATE DOMAINS===\n"));

    [Theory]
    [InlineData("contoso.com", "contoso.com")]
    [InlineData("a.b.contoso.com", "contoso.com")]
    [InlineData("mail.contoso.co.uk", "contoso.co.uk")]
    [InlineData("x.github.io", "x.github.io")]          // private rule honoured
    [InlineData("a.b.github.io", "b.github.io")]
    [InlineData("a.b.kawasaki.jp", "a.b.kawasaki.jp")]  // wildcard: b.kawasaki.jp is a suffix
    [InlineData("www.city.kawasaki.jp", "city.kawasaki.jp")] // exception beats the wildcard
    [InlineData("www.ck", "www.ck")]
    [InlineData("a.b.ck", "a.b.ck")]
    [InlineData("host.a.compute.example.com", "host.a.compute.example.com")]
    [InlineData("contoso.unlisted", "contoso.unlisted")] // implicit "*" rule
    public void Registrable_domain_follows_the_list_algorithm(string host, string expected)
    {
        Assert.Equal(expected, Small.GetRegistrableDomain(host));
    }

    [Theory]
    [InlineData("co.uk")]
    [InlineData("github.io")]
    [InlineData("b.kawasaki.jp")]
    [InlineData("com")]
    public void A_public_suffix_has_no_registrable_domain(string host)
    {
        Assert.Null(Small.GetRegistrableDomain(host));
    }

    [Fact]
    public void Sections_and_counts_come_from_the_markers()
    {
        Assert.Equal(8, Small.IcannRuleCount);
        Assert.Equal(2, Small.PrivateRuleCount);
        Assert.Equal(3, Small.WildcardRuleCount);
        Assert.Equal(2, Small.ExceptionRuleCount);
        Small.GetPublicSuffix("x.github.io", out var section);
        Assert.Equal(PublicSuffixSection.Private, section);
        Small.GetPublicSuffix("x.co.uk", out section);
        Assert.Equal(PublicSuffixSection.Icann, section);
        Small.GetPublicSuffix("x.unlisted", out section);
        Assert.Equal(PublicSuffixSection.None, section);
    }

    [Theory]
    [InlineData("mail.contoso.co.uk", "contoso.co.uk")]
    [InlineData("x.github.io", "x.github.io")]
    [InlineData("a.b.github.io", "b.github.io")]
    [InlineData("www.city.kawasaki.jp", "city.kawasaki.jp")]
    [InlineData("a.b.kawasaki.jp", "a.b.kawasaki.jp")]
    [InlineData("shop.www.ck", "www.ck")]
    [InlineData("foo.bar.ck", "foo.bar.ck")]
    [InlineData("x.blogspot.com", "x.blogspot.com")]
    [InlineData("a.b.c.compute.amazonaws.com", "b.c.compute.amazonaws.com")]
    [InlineData("xn--bcher-kva.de", "xn--bcher-kva.de")]
    [InlineData("a.example.xn--fiqs8s", "example.xn--fiqs8s")] // 中国: IDN TLD rules in ASCII form
    public void Embedded_list_gives_the_expected_registrable_domains(string host, string expected)
    {
        Assert.Equal(expected, PublicSuffixList.Default.GetRegistrableDomain(host));
    }
}
