using AdoptionCrm.Plugins.EmailDomains;

namespace AdoptionCrm.Cli.Tests;

/// <summary>Each kind of email gets its contract outcome, through the real plugins on the emulator.</summary>
public class SimulateOutcomeTests
{
    [Fact]
    public void Each_kind_of_email_gets_its_outcome_domain_and_account()
    {
        var disposable = DisposableOnlyDomain();
        using var files = new SimulationFiles();
        var leads = files.Leads(
            "ann@contoso.com,Ann,Lee,,2025-03-01T09:00:00Z",
            "bob@mail.contoso.co.uk,Bob,Ray,,2025-03-01T10:00:00Z",
            "cara@gmail.com,Cara,Ng,,2025-03-01T11:00:00Z",
            $"dan@{disposable},Dan,Oh,,2025-03-01T12:00:00Z",
            "eve@ourco.com,Eve,Ko,,2025-03-01T13:00:00Z",
            "fay@spam-partner.com,Fay,Li,,2025-03-01T14:00:00Z",
            "noreply@contoso.com,,,,2025-03-01T15:00:00Z",
            "gus@unknownco.com,Gus,Wu,,2025-03-01T16:00:00Z",
            "not-an-email,Hal,Xu,,2025-03-01T17:00:00Z",
            ",Ivy,Yu,,2025-03-01T18:00:00Z");
        var accounts = files.Accounts("Contoso,contoso.com;contoso.co.uk,Ann Sales");
        var settings = files.Settings("{\"ownDomains\": [\"ourco.com\"], \"excludedDomains\": [\"spam-partner.com\"]}");

        var result = files.Run(leads, accounts, settings).Result;

        var expected = new (string? Domain, string? Account, string Outcome)[]
        {
            ("contoso.com", "Contoso", "linked"),
            ("contoso.co.uk", "Contoso", "linked"),
            ("gmail.com", null, "excluded-freemail"),
            (disposable, null, "excluded-disposable"),
            ("ourco.com", null, "excluded-own"),
            ("spam-partner.com", null, "excluded-rule"),
            ("contoso.com", null, "excluded-role"),
            ("unknownco.com", null, "unmatched"),
            (null, null, "invalid-email"),
            (null, null, "no-email"),
        };
        Assert.Equal(expected, result.Leads.Select(l => (l.Domain, l.Account, l.Outcome)));
        Assert.Equal(2, Assert.Single(result.Accounts).Adopters);
    }

    [Fact]
    public void Unknown_company_gets_an_account_when_auto_creation_is_on_and_it_reaches_autoCreateMinPeople()
    {
        using var files = new SimulationFiles();
        var leads = files.Leads(
            "gus@unknownco.com,Gus,Wu,,2025-03-01T16:00:00Z",
            "ida@unknownco.com,Ida,Ma,,2025-03-02T16:00:00Z",
            "joe@unknownco.com,Joe,Li,,2025-03-03T16:00:00Z");
        var result = files.Run(leads, settings: files.Settings("{\"autoCreateAccounts\": true, \"autoCreateMinPeople\": 2}")).Result;

        var account = Assert.Single(result.Accounts);
        Assert.True(account.AutoCreated);
        Assert.Equal("Unknownco", account.Name);
        Assert.Contains("unknownco.com", account.Domains);
        // The first signup had no account yet; the company's leads moved to it when it was made.
        Assert.All(result.Leads, l => Assert.Equal(account.Name, l.Account));
        Assert.Equal(3, account.Adopters);
    }

    [Fact]
    public void Sixteen_people_at_a_company_without_an_account_show_in_companies_at_Enterprise_ready()
    {
        using var files = new SimulationFiles();
        var leads = files.Leads(Enumerable.Range(0, 16).Select(i => $"p{i}@acmerobotics.com,P{i},Robot,,2025-03-{1 + i * 3 / 2:00}T16:00:00Z")
            .Append("ann@contoso.com,Ann,Lee,,2025-03-02T10:00:00Z").ToArray());
        var result = files.Run(leads, accounts: files.Accounts("Contoso,contoso.com,")).Result;

        var acme = Assert.Single(result.Companies, c => c.Domain == "acmerobotics.com");
        Assert.Equal((16, "EnterpriseReady", (string?)null), (acme.People, acme.Stage, acme.Account));
        Assert.Equal("Contoso", Assert.Single(result.Companies, c => c.Domain == "contoso.com").Account);
        Assert.Equal("acmerobotics.com", result.Companies[0].Domain); // most people first
        Assert.Contains("\"companies\"", result.ToJson());
    }

    // A domain on the disposable list but not on the free-mail list (HubSpot's list carries many
    // disposable domains too), so the disposable layer is the one that decides.
    private static string DisposableOnlyDomain()
    {
        var candidates = new[] { "0-180.com", "0-30-24.com", "0-420.com", "0-900.com", "0-aa.com" };
        return candidates.First(d => DomainSet.Disposable.Match(d) != null && DomainSet.FreeMail.Match(d) == null);
    }
}
