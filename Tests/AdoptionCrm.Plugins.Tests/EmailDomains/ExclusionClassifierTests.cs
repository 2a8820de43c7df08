using AdoptionCrm.Plugins.EmailDomains;

namespace AdoptionCrm.Plugins.Tests.EmailDomains;

public class ExclusionClassifierTests
{
    private static readonly ExclusionClassifier Classifier = ExclusionClassifier.Default;

    [Theory]
    [InlineData("jane@gmail.com", "gmail.com")]
    [InlineData("jane@outlook.com", "outlook.com")]
    [InlineData("jane@yahoo.com", "yahoo.com")]
    [InlineData("jane@hotmail.com", "hotmail.com")]
    [InlineData("Jane <JANE@GMAIL.COM>", "gmail.com")]
    [InlineData("jane@yahoo.co.uk", "yahoo.co.uk")]
    public void Free_mail_providers_are_excluded(string email, string domain)
    {
        ExclusionResult result = Classifier.Classify(email);
        Assert.Equal(ExclusionOutcome.ExcludedFreeMail, result.Outcome);
        Assert.Equal(domain, result.Domain);
        Assert.Contains("free-mail", result.Reason);
    }

    [Theory]
    [InlineData("temp@0-180.com")]      // in disposable-email-domains, not in the free-mail list
    [InlineData("temp@box.0x01.tk")]    // covered by the wildcard entry *.0x01.tk
    public void Disposable_domains_are_excluded(string email)
    {
        Assert.Equal(ExclusionOutcome.ExcludedDisposable, Classifier.Classify(email).Outcome);
    }

    [Fact]
    public void Company_domains_pass_with_the_registrable_domain()
    {
        ExclusionResult result = Classifier.Classify("Jane.Doe@Mail.Contoso.co.uk");
        Assert.Equal(ExclusionOutcome.Company, result.Outcome);
        Assert.Equal("contoso.co.uk", result.Domain);
        Assert.Equal("jane.doe@mail.contoso.co.uk", result.Email.NormalizedEmail);
        Assert.Contains("contoso.co.uk", result.Reason);
    }

    [Fact]
    public void Keep_subdomains_apart_setting_keeps_the_full_host()
    {
        var settings = new ExclusionSettings(keepSubdomainsApart: true);
        Assert.Equal("mail.contoso.co.uk", Classifier.Classify("jane@mail.contoso.co.uk", settings).Domain);
    }

    [Theory]
    [InlineData("", ExclusionOutcome.NoEmail)]
    [InlineData(null, ExclusionOutcome.NoEmail)]
    [InlineData("not an email", ExclusionOutcome.InvalidEmail)]
    [InlineData("a@b@c.com", ExclusionOutcome.InvalidEmail)]
    [InlineData("noreply@contoso.com", ExclusionOutcome.ExcludedRole)]
    [InlineData("no-reply@contoso.com", ExclusionOutcome.ExcludedRole)]
    [InlineData("do_not_reply@contoso.com", ExclusionOutcome.ExcludedRole)]
    [InlineData("DoNotReply@contoso.com", ExclusionOutcome.ExcludedRole)]
    [InlineData("noreply-billing@contoso.com", ExclusionOutcome.ExcludedRole)]
    [InlineData("noreply+alerts@contoso.com", ExclusionOutcome.ExcludedRole)]
    [InlineData("postmaster@contoso.com", ExclusionOutcome.ExcludedRole)]
    [InlineData("MAILER-DAEMON@contoso.com", ExclusionOutcome.ExcludedRole)]
    [InlineData("info@contoso.com", ExclusionOutcome.Company)]    // shared inbox, but often the one person at a small firm
    [InlineData("support@contoso.com", ExclusionOutcome.Company)]
    [InlineData("noah@contoso.com", ExclusionOutcome.Company)]
    public void Empty_invalid_and_role_senders_are_marked(string? email, ExclusionOutcome expected)
    {
        ExclusionResult result = Classifier.Classify(email!);
        Assert.Equal(expected, result.Outcome);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }

    [Fact]
    public void Own_domains_are_excluded_including_their_subdomains()
    {
        var settings = new ExclusionSettings(ownDomains: new[] { "AdoptionCrm.example", "@our-company.com" });
        Assert.Equal(ExclusionOutcome.ExcludedOwn, Classifier.Classify("dev@adoptioncrm.example", settings).Outcome);
        Assert.Equal(ExclusionOutcome.ExcludedOwn, Classifier.Classify("dev@eu.our-company.com", settings).Outcome);
        Assert.Equal(ExclusionOutcome.Company, Classifier.Classify("dev@contoso.com", settings).Outcome);
    }

    [Fact]
    public void Allow_rule_overrides_free_mail_and_disposable()
    {
        var settings = new ExclusionSettings(rules: new[] { ExclusionRule.AllowDomain("gmx.net", "GMX customers"), ExclusionRule.AllowDomain("0-180.com") });
        ExclusionResult gmx = Classifier.Classify("hans@gmx.net", settings);
        Assert.Equal(ExclusionOutcome.Company, gmx.Outcome);
        Assert.Equal("gmx.net", gmx.Domain);
        Assert.Contains("GMX customers", gmx.Reason);
        Assert.Equal(ExclusionOutcome.Company, Classifier.Classify("x@0-180.com", settings).Outcome);
        Assert.Equal(ExclusionOutcome.ExcludedFreeMail, Classifier.Classify("hans@gmx.net").Outcome);
    }

    [Fact]
    public void Allow_rule_does_not_override_role_or_own()
    {
        var settings = new ExclusionSettings(ownDomains: new[] { "contoso.com" }, rules: new[] { ExclusionRule.AllowDomain("contoso.com"), ExclusionRule.AllowDomain("fabrikam.com") });
        Assert.Equal(ExclusionOutcome.ExcludedOwn, Classifier.Classify("a@contoso.com", settings).Outcome);
        Assert.Equal(ExclusionOutcome.ExcludedRole, Classifier.Classify("noreply@fabrikam.com", settings).Outcome);
    }

    [Fact]
    public void Exclude_rules_match_subdomains_and_the_most_specific_rule_wins()
    {
        var settings = new ExclusionSettings(rules: new[]
        {
            ExclusionRule.Exclude("partner.example", "partners"),
            ExclusionRule.AllowDomain("sales.partner.example"),
            ExclusionRule.Exclude("*.wild.example"),
            ExclusionRule.Exclude("both.example"),
            ExclusionRule.AllowDomain("both.example"),
        });
        Assert.Equal(ExclusionOutcome.ExcludedRule, Classifier.Classify("a@mail.partner.example", settings).Outcome);
        Assert.Equal(ExclusionOutcome.Company, Classifier.Classify("a@sales.partner.example", settings).Outcome);
        Assert.Equal(ExclusionOutcome.ExcludedRule, Classifier.Classify("a@x.wild.example", settings).Outcome);
        Assert.Equal(ExclusionOutcome.Company, Classifier.Classify("a@wild.example", settings).Outcome); // wildcard: subdomains only
        Assert.Equal(ExclusionOutcome.ExcludedRule, Classifier.Classify("a@both.example", settings).Outcome); // exclude wins a tie
        Assert.Contains("partners", Classifier.Classify("a@partner.example", settings).Reason);
    }

    [Fact]
    public void Invalid_setting_entries_are_reported_not_thrown()
    {
        var settings = new ExclusionSettings(ownDomains: new[] { "not a domain", "" }, rules: new[] { ExclusionRule.Exclude("x..y") });
        Assert.Equal(3, settings.InvalidEntries.Count);
        Assert.Contains(settings.InvalidEntries, e => e.Contains("not a domain") && e.Contains("space"));
        Assert.Equal(0, settings.RuleCount);
    }

    [Fact]
    public void Rule_count_is_not_capped()
    {
        var rules = Enumerable.Range(0, 5000).Select(i => ExclusionRule.Exclude("blocked" + i + ".example"));
        var settings = new ExclusionSettings(rules: rules);
        Assert.Equal(5000, settings.RuleCount);
        Assert.Equal(ExclusionOutcome.ExcludedRule, Classifier.Classify("a@blocked4999.example", settings).Outcome);
    }
}
