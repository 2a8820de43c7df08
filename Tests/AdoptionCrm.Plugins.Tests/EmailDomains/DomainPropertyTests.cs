using AdoptionCrm.Plugins.EmailDomains;
using CsCheck;

namespace AdoptionCrm.Plugins.Tests.EmailDomains;

/// <summary>Properties over generated input (CsCheck shrinks any failure to a small example).</summary>
public class DomainPropertyTests
{
    // Hosts built from labels that hit the interesting rules: real suffixes, wildcards, exceptions,
    // tenant platforms, IDN, odd case and trailing dots.
    private static readonly Gen<string> Label = Gen.OneOf(
        Gen.String[Gen.Char["abcxyz019-"], 1, 8],
        Gen.OneOf("co", "uk", "com", "jp", "kawasaki", "city", "ck", "www", "github", "io", "mail",
            "onmicrosoft", "blogspot", "compute", "amazonaws", "bücher", "de", "中国", "Contoso", "MAIL"));

    private static readonly Gen<string> Host =
        Gen.Select(Label.Array[1, 6], Gen.Bool, (labels, dot) => string.Join(".", labels) + (dot ? "." : ""));

    [Fact]
    public void Normaliser_and_parser_never_throw_on_arbitrary_strings()
    {
        Gen.String.Sample(s =>
        {
            DomainNormalizer.Default.Normalize(s);
            DomainNormalizer.Default.Normalize(s, keepSubdomainsApart: true);
            EmailParser.Parse(s);
            ExclusionClassifier.Default.Classify(s);
        }, iter: 20_000);
    }

    [Fact]
    public void Parser_never_throws_on_email_like_strings()
    {
        Gen<string> emailish = Gen.String[Gen.Char["ab@.\"()<> \\\t-+é中"], 0, 40];
        emailish.Sample(s =>
        {
            ParsedEmail parsed = EmailParser.Parse(s);
            return parsed.IsValid == (parsed.NormalizedEmail != null) && (parsed.IsValid || parsed.Reason != null);
        }, iter: 20_000);
    }

    [Fact]
    public void Registrable_domain_is_idempotent()
    {
        Host.Sample(host =>
        {
            NormalizedDomain first = DomainNormalizer.Default.Normalize(host);
            if (!first.IsValid) return true;
            NormalizedDomain second = DomainNormalizer.Default.Normalize(first.Domain);
            return second.IsValid && second.Domain == first.Domain;
        }, iter: 20_000);
    }

    [Fact]
    public void Registrable_domain_is_a_suffix_of_the_host()
    {
        Host.Sample(host =>
        {
            NormalizedDomain result = DomainNormalizer.Default.Normalize(host);
            if (!result.IsValid) return true;
            // Tenant hosts drop the routing label (x.mail.onmicrosoft.com → x.onmicrosoft.com), so
            // check them as "same tenant label and platform"; everything else is a plain suffix.
            string? tenant = TenantHosts.GetTenantHost(result.Host);
            if (tenant != null) return result.Domain == tenant;
            return result.Host == result.Domain || result.Host.EndsWith("." + result.Domain, StringComparison.Ordinal);
        }, iter: 20_000);
    }
}
