using System.Globalization;
using System.Linq;
using AdoptionCrm.Plugins.Domain;

namespace AdoptionCrm.Plugins.Linking
{
    /// <summary>A readable account name from a company domain: contoso-labs.co.uk → "Contoso Labs".</summary>
    public static class AccountNaming
    {
        public static string FromDomain(string domain)
        {
            if (string.IsNullOrEmpty(domain)) return domain;
            PublicSuffixSection section;
            string suffix = PublicSuffixList.Default.GetPublicSuffix(domain, out section);
            string label = domain;
            if (!string.IsNullOrEmpty(suffix) && domain.Length > suffix.Length + 1 && domain.EndsWith("." + suffix))
                label = domain.Substring(0, domain.Length - suffix.Length - 1);
            // With subdomains kept apart the label may hold dots (eu.contoso): name after the company label.
            int dot = label.LastIndexOf('.');
            string company = dot >= 0 ? label.Substring(dot + 1) : label;
            if (company.StartsWith("xn--")) return domain; // punycode: the domain itself reads better than a mangled label
            var words = company.Split(new[] { '-', '_' }, System.StringSplitOptions.RemoveEmptyEntries)
                .Select(w => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w));
            string name = string.Join(" ", words);
            return string.IsNullOrEmpty(name) ? domain : name;
        }
    }
}
