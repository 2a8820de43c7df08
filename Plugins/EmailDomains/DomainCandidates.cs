using System.Collections.Generic;

namespace AdoptionCrm.Plugins.EmailDomains
{
    /// <summary>The names a rule or an account-domain row may be stored under for one email host.</summary>
    public static class DomainCandidates
    {
        /// <summary>The host and each parent (mail.contoso.co.uk, contoso.co.uk, co.uk, uk) plus the "*.parent" forms rules may use.</summary>
        public static IList<string> ForRules(string host)
        {
            var names = new List<string>();
            if (string.IsNullOrEmpty(host)) return names;
            names.Add(host);
            int dot = host.IndexOf('.');
            while (dot >= 0 && dot + 1 < host.Length)
            {
                string parent = host.Substring(dot + 1);
                names.Add(parent);
                names.Add("*." + parent);
                dot = host.IndexOf('.', dot + 1);
            }
            return names;
        }

        /// <summary>
        /// Account-domain names to look up, most specific first: the normalised domain; with subdomains
        /// kept apart, also the parents of the host down to the registrable domain, so a subsidiary's own
        /// row wins and the parent company's row is the fallback.
        /// </summary>
        public static IList<string> ForAccounts(string host, string normalizedDomain, string registrableDomain)
        {
            var names = new List<string>();
            if (string.IsNullOrEmpty(normalizedDomain)) return names;
            names.Add(normalizedDomain);
            if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(registrableDomain) || normalizedDomain == registrableDomain) return names;
            int dot = normalizedDomain.IndexOf('.');
            while (dot >= 0 && dot + 1 < normalizedDomain.Length)
            {
                string parent = normalizedDomain.Substring(dot + 1);
                names.Add(parent);
                if (parent == registrableDomain) break;
                dot = normalizedDomain.IndexOf('.', dot + 1);
            }
            return names;
        }

        /// <summary>
        /// The account-domain names that decide a company's account, most specific first: for a company named by a
        /// subdomain (subdomains kept apart) its host and parents down to the registrable domain, as ForAccounts
        /// gives a lead of that host; for a registrable company its own domain.
        /// </summary>
        public static IList<string> ForCompany(string companyDomain)
        {
            var registrable = AdoptionCrm.Plugins.EmailDomains.DomainNormalizer.Default.Normalize(companyDomain, false);
            return ForAccounts(companyDomain, companyDomain, registrable.IsValid ? registrable.Domain : null);
        }
    }
}
