using AdoptionCrm.Plugins.EmailDomains;

namespace AdoptionCrm.Cli.Bench;

/// <summary>
/// Domain normalisations per second (DomainNormalizer over the embedded Public Suffix List) and full
/// email classifications per second (ExclusionClassifier: parse, normalise, exclusion layers), over a
/// mix of hosts as signups bring them: company domains and subdomains, multi-label suffixes, free-mail,
/// disposable, IDN, tenant hosts, and malformed input.
/// </summary>
public sealed class DomainNormalizationBench : IBenchmark
{
    private static readonly string[] Hosts =
    {
        "contoso.com", "mail.contoso.co.uk", "Sales.Fabrikam.COM", "eu.mail.northwind.com.au", "gmail.com",
        "outlook.com", "mailinator.com", "bücher-haus.de", "contoso.onmicrosoft.com", "x.mail.onmicrosoft.com",
        "tailspin.io", "wingtip.github.io", "adatum.com.", "bad..host", "litware.k12.ca.us", "example",
    };

    public string Name => "domain";
    public string Description => "domain normalisations/s and email classifications/s";

    public IEnumerable<BenchFigure> Run(BenchSizes sizes, Action<string> progress)
    {
        var hosts = Enumerable.Range(0, 4_096).Select(i => i % 3 == 0 ? Hosts[i % Hosts.Length] : $"team{i}.{Hosts[i % Hosts.Length]}").ToArray();
        var emails = hosts.Select((h, i) => i % 17 == 0 ? "not-an-email" : $"user{i}@{h}").ToArray();
        var normalizer = DomainNormalizer.Default;
        var classifier = ExclusionClassifier.Default;
        progress("domain normalisation");
        var valid = 0;
        var perNormalize = BenchStopwatch.MicrosPerCall(400_000, i => { if (normalizer.Normalize(hosts[i & 4095]).IsValid) valid++; });
        progress("email classification");
        var company = 0;
        var perClassify = BenchStopwatch.MicrosPerCall(200_000, i => { if (classifier.Classify(emails[i & 4095]).Outcome == ExclusionOutcome.Company) company++; });
        yield return new BenchFigure(Name, "domain normalisations/s", 1_000_000 / perNormalize, "/s", $"{valid:N0} valid of the inputs seen");
        yield return new BenchFigure(Name, "email classifications/s", 1_000_000 / perClassify, "/s", $"{company:N0} company outcomes seen");
    }
}
