using System;

namespace AdoptionCrm.Plugins.EmailDomains
{
    /// <summary>
    /// A domain as sales ops type it in a list or a rule: "contoso.com", "*.contoso.com", or a pasted
    /// address ("@contoso.com", "x@contoso.com", where the domain is after the '@'). One parser, so a
    /// stored rule and the exclusion code read it the same way. A public suffix (ICANN section) is refused.
    /// </summary>
    public static class DomainEntry
    {
        /// <summary>The canonical form (ASCII host, "*." kept for wildcards), or null with the reason.</summary>
        public static string Normalize(string entry, out string reason)
        {
            if (string.IsNullOrWhiteSpace(entry)) { reason = "empty"; return null; }
            string text = entry.Trim();
            bool wildcard = text.StartsWith("*.", StringComparison.Ordinal);
            int at = text.LastIndexOf('@');
            if (at >= 0) text = text.Substring(at + 1);
            if (wildcard) text = text.Substring(2);
            string host = DomainNormalizer.ToAsciiHost(text, out reason);
            if (host == null) return null;
            // A public suffix (co.uk, com) names no one company: as a rule or an own domain it would catch
            // every company under it, which no one means. Refused with the reason.
            PublicSuffixSection section;
            if (PublicSuffixList.Default.GetPublicSuffix(host, out section) == host && section == PublicSuffixSection.Icann)
            {
                reason = host + " is a public suffix, not a company's domain (name the company's own, e.g. contoso." + host + ")";
                return null;
            }
            return wildcard ? "*." + host : host;
        }
    }
}
