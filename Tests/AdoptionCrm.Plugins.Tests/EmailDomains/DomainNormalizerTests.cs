using AdoptionCrm.Plugins.EmailDomains;

namespace AdoptionCrm.Plugins.Tests.EmailDomains;

public class DomainNormalizerTests
{
    private static readonly DomainNormalizer Normalizer = DomainNormalizer.Default;

    [Theory]
    [InlineData("sub.contoso.co.uk", "contoso.co.uk")]
    [InlineData("mail.contoso.co.uk", "contoso.co.uk")]
    [InlineData("contoso.co.uk", "contoso.co.uk")]
    [InlineData("Contoso.COM.", "contoso.com")]
    [InlineData("  contoso.com  ", "contoso.com")]
    [InlineData("email.anthropic.com", "anthropic.com")]
    [InlineData("bücher.de", "xn--bcher-kva.de")]
    [InlineData("www.BÜCHER.de", "xn--bcher-kva.de")]
    [InlineData("xn--bcher-kva.de", "xn--bcher-kva.de")]
    [InlineData("例え.テスト.jp", "xn--zckzah.jp")] // Unicode labels to punycode, then rolled up under .jp
    [InlineData("x.onmicrosoft.com", "x.onmicrosoft.com")]
    [InlineData("x.mail.onmicrosoft.com", "x.onmicrosoft.com")]
    [InlineData("a.x.mail.onmicrosoft.com", "x.onmicrosoft.com")]
    [InlineData("Contoso.OnMicrosoft.com", "contoso.onmicrosoft.com")]
    [InlineData("agency.onmicrosoft.us", "agency.onmicrosoft.us")]
    [InlineData("a.b.github.io", "b.github.io")]
    [InlineData("x.github.io", "x.github.io")]
    [InlineData("www.city.kawasaki.jp", "city.kawasaki.jp")]
    [InlineData("a.b.kawasaki.jp", "a.b.kawasaki.jp")]
    [InlineData("co.uk", "co.uk")] // a bare public suffix is kept whole
    public void Rolls_up_to_the_company_domain(string input, string expected)
    {
        NormalizedDomain result = Normalizer.Normalize(input);
        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(expected, result.Domain);
    }

    [Theory]
    [InlineData("sub.contoso.co.uk", "sub.contoso.co.uk")]
    [InlineData("Mail.Contoso.COM.", "mail.contoso.com")]
    [InlineData("x.mail.onmicrosoft.com", "x.mail.onmicrosoft.com")]
    [InlineData("shop.bücher.de", "shop.xn--bcher-kva.de")]
    public void Keep_subdomains_apart_returns_the_full_host(string input, string expected)
    {
        NormalizedDomain result = Normalizer.Normalize(input, keepSubdomainsApart: true);
        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(expected, result.Domain);
        Assert.Equal(expected, result.Host);
    }

    [Theory]
    [InlineData(null, "no domain")]
    [InlineData("", "no domain")]
    [InlineData("   ", "no domain")]
    [InlineData(".", "no domain")]
    [InlineData("localhost", "needs a dot")]
    [InlineData("contoso..com", "empty label")]
    [InlineData(".contoso.com", "empty label")]
    [InlineData("contoso.com..", "empty label")]
    [InlineData("-contoso.com", "hyphen")]
    [InlineData("con toso.com", "space")]
    [InlineData("contoso_x.com", "'_'")]
    [InlineData("192.168.0.1", "IP address")]
    [InlineData("[192.168.0.1]", "address literal")]
    [InlineData("con\u0001toso.com", "control character")]
    public void Refuses_what_is_not_a_host_with_a_reason(string? input, string reasonPart)
    {
        NormalizedDomain result = Normalizer.Normalize(input!);
        Assert.False(result.IsValid);
        Assert.Null(result.Domain);
        Assert.Contains(reasonPart, result.Reason);
    }

    [Fact]
    public void Refuses_overlong_hosts()
    {
        Assert.False(Normalizer.Normalize(new string('a', 64) + ".com").IsValid);               // label > 63
        Assert.False(Normalizer.Normalize(string.Join(".", Enumerable.Repeat(new string('a', 60), 5)) + ".com").IsValid); // > 253
        Assert.False(Normalizer.Normalize(new string('a', 5000)).IsValid);
        Assert.True(Normalizer.Normalize(new string('a', 63) + ".com").IsValid);
    }
}
