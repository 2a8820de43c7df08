using System;

namespace AdoptionCrm.Plugins.EmailDomains
{
    /// <summary>
    /// Platform hosts that give every customer tenant a subdomain of its own but that the Public
    /// Suffix List does not list, so the list would merge all their tenants into one "company".
    /// These are facts about the platforms, not a maintained reference list, so they live here:
    ///   onmicrosoft.com       Microsoft 365 gives each tenant contoso.onmicrosoft.com as its initial
    ///                         domain, and contoso.mail.onmicrosoft.com as its Exchange Online routing
    ///                         address; both mean the tenant contoso.onmicrosoft.com.
    ///   onmicrosoft.us        the same for Microsoft 365 US Government (GCC High / DoD) tenants.
    ///   partner.onmschina.cn  the same for Microsoft 365 operated by 21Vianet in China.
    /// A test checks that the embedded PSL still lacks them (if the list adds one, drop it here).
    /// </summary>
    public static class TenantHosts
    {
        // Matched longest first: (suffix the host ends with, suffix of the canonical tenant host).
        private static readonly string[][] Suffixes =
        {
            new[] { "mail.onmicrosoft.com", "onmicrosoft.com" },
            new[] { "onmicrosoft.com", "onmicrosoft.com" },
            new[] { "mail.onmicrosoft.us", "onmicrosoft.us" },
            new[] { "onmicrosoft.us", "onmicrosoft.us" },
            new[] { "partner.onmschina.cn", "partner.onmschina.cn" },
        };

        /// <summary>The platform suffixes this class knows, for documentation and tests.</summary>
        public static string[] PlatformSuffixes => new[] { "onmicrosoft.com", "onmicrosoft.us", "partner.onmschina.cn" };

        /// <summary>
        /// The tenant host (tenant label + platform suffix) for a normalised host under a tenant
        /// platform, or null when the host is not a tenant host: a.contoso.mail.onmicrosoft.com →
        /// contoso.onmicrosoft.com.
        /// </summary>
        public static string GetTenantHost(string host)
        {
            if (string.IsNullOrEmpty(host)) return null;
            foreach (string[] pair in Suffixes)
            {
                string suffix = pair[0];
                if (host.Length <= suffix.Length + 1) continue;
                if (!host.EndsWith(suffix, StringComparison.Ordinal) || host[host.Length - suffix.Length - 1] != '.') continue;
                int labelEnd = host.Length - suffix.Length - 1;
                int labelStart = host.LastIndexOf('.', labelEnd - 1) + 1;
                if (labelStart >= labelEnd) return null;
                return host.Substring(labelStart, labelEnd - labelStart) + "." + pair[1];
            }
            return null;
        }
    }
}
