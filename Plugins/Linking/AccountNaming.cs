using System;
using System.Globalization;
using System.Linq;
using AdoptionCrm.Plugins.EmailDomains;

namespace AdoptionCrm.Plugins.Linking
{
    /// <summary>
    /// A readable account name from a company domain, as a person would write it:
    /// contoso-labs.co.uk → "Contoso Labs"; a tenant host names the tenant (wingtip.onmicrosoft.com →
    /// "Wingtip", not "Onmicrosoft"); an internationalised label is shown in Unicode (xn--bcher-kva.de →
    /// "Bücher"), never as punycode. Never throws: a name that cannot be made is the domain itself.
    /// </summary>
    public static class AccountNaming
    {
        public static string FromDomain(string domain)
        {
            if (string.IsNullOrEmpty(domain)) return domain;
            string company = CompanyLabel(domain);
            string unicode = ToUnicode(company);
            var words = unicode.Split(new[] { '-', '_' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(w => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w));
            string name = string.Join(" ", words);
            return string.IsNullOrEmpty(name) ? domain : name;
        }

        private static string CompanyLabel(string domain)
        {
            string tenant = TenantHosts.GetTenantHost(domain);
            if (tenant != null) return tenant.Substring(0, tenant.IndexOf('.'));
            PublicSuffixSection section;
            string suffix = PublicSuffixList.Default.GetPublicSuffix(domain, out section);
            string label = domain;
            if (!string.IsNullOrEmpty(suffix) && domain.Length > suffix.Length + 1 && domain.EndsWith("." + suffix, StringComparison.Ordinal))
                label = domain.Substring(0, domain.Length - suffix.Length - 1);
            // With subdomains kept apart the label may hold dots (eu.contoso): name after the company label.
            int dot = label.LastIndexOf('.');
            return dot >= 0 ? label.Substring(dot + 1) : label;
        }

        // IdnMapping follows the OS's IDNA rules on net462/Windows and ICU's on Linux (platform-findings R12);
        // either way a label it cannot decode stays as it was.
        private static string ToUnicode(string label)
        {
            if (!label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase)) return label;
            try { return new IdnMapping().GetUnicode(label); }
            catch (ArgumentException) { return label; }
        }
    }
}
