using System;
using System.Globalization;

namespace AdoptionCrm.Plugins.EmailDomains
{
    /// <summary>
    /// Turns a host as typed (an email's domain, a website's host) into the domain that identifies a
    /// company: trim, lowercase, drop the trailing dot, IDN to punycode, then the registrable domain by
    /// the Public Suffix List, with the platform tenant hosts the list lacks kept whole (TenantHosts).
    /// Never throws on bad input: returns an invalid result with a reason.
    /// </summary>
    public sealed class DomainNormalizer
    {
        // RFC 1035 limits, in ASCII (punycode) form.
        private const int MaxHostLength = 253;
        private const int MaxLabelLength = 63;
        // Inputs longer than this are refused before any work, so hostile input costs nothing.
        private const int MaxInputLength = 1024;

        private static readonly Lazy<DomainNormalizer> Embedded = new Lazy<DomainNormalizer>(() => new DomainNormalizer(PublicSuffixList.Default));

        private readonly PublicSuffixList _suffixes;

        public DomainNormalizer(PublicSuffixList suffixes)
        {
            _suffixes = suffixes ?? throw new ArgumentNullException(nameof(suffixes));
        }

        /// <summary>The normaliser over the embedded Public Suffix List.</summary>
        public static DomainNormalizer Default => Embedded.Value;

        /// <summary>
        /// Normalises a host. With keepSubdomainsApart the company domain is the full host
        /// (sales.contoso.com and contoso.com are two companies); otherwise the registrable domain.
        /// </summary>
        public NormalizedDomain Normalize(string input, bool keepSubdomainsApart = false)
        {
            string reason;
            string host = ToAsciiHost(input, out reason);
            if (host == null) return NormalizedDomain.Invalid(reason);

            if (keepSubdomainsApart)
                return NormalizedDomain.Valid(host, host, "full host (subdomains kept apart)");

            string tenant = TenantHosts.GetTenantHost(host);
            if (tenant != null)
                return NormalizedDomain.Valid(host, tenant, "tenant host of a platform the Public Suffix List lacks");

            string registrable = _suffixes.GetRegistrableDomain(host);
            if (registrable == null)
                return NormalizedDomain.Valid(host, host, "host is itself a public suffix; kept whole");
            return NormalizedDomain.Valid(host, registrable, registrable.Length == host.Length ? "registrable domain" : "registrable domain of " + host);
        }

        /// <summary>
        /// The host in canonical ASCII form (lowercase, punycode, no trailing dot), or null with a
        /// reason when it is not a valid host name of at least two labels.
        /// </summary>
        public static string ToAsciiHost(string input, out string reason)
        {
            reason = null;
            if (input == null) { reason = "no domain"; return null; }
            if (input.Length > MaxInputLength) { reason = "domain longer than " + MaxInputLength + " characters"; return null; }
            string host = input.Trim();
            if (host.Length == 0) { reason = "no domain"; return null; }
            if (host[0] == '[') { reason = "address literal ([…]) instead of a domain name"; return null; }
            // One trailing dot is the fully qualified form of the same name.
            if (host[host.Length - 1] == '.') host = host.Substring(0, host.Length - 1);
            if (host.Length == 0) { reason = "no domain"; return null; }

            bool ascii = true;
            foreach (char c in host)
            {
                if (c < 0x20 || c == 0x7f) { reason = "control character in domain"; return null; }
                if (c > 0x7f) ascii = false;
            }

            if (ascii) host = host.ToLowerInvariant();
            else
            {
                try
                {
                    // A fresh instance per call: IdnMapping instances are not documented as thread-safe.
                    // GetAscii also lowercases and applies the IDNA mapping (full-width dots and letters).
                    host = new IdnMapping { UseStd3AsciiRules = true }.GetAscii(host).ToLowerInvariant();
                }
                catch (ArgumentException)
                {
                    reason = "not a valid international domain name";
                    return null;
                }
                if (host.Length > 0 && host[host.Length - 1] == '.') host = host.Substring(0, host.Length - 1);
            }

            return IsValidAsciiHost(host, out reason) ? host : null;
        }

        private static bool IsValidAsciiHost(string host, out string reason)
        {
            reason = null;
            if (host.Length > MaxHostLength) { reason = "domain longer than " + MaxHostLength + " characters"; return false; }
            int labels = 0, labelStart = 0;
            bool lastLabelNumeric = true;
            for (int i = 0; i <= host.Length; i++)
            {
                if (i < host.Length && host[i] != '.')
                {
                    char c = host[i];
                    bool letter = c >= 'a' && c <= 'z', digit = c >= '0' && c <= '9';
                    if (!letter && !digit && c != '-')
                    {
                        reason = c == ' ' ? "space in domain" : "character '" + c + "' not allowed in a domain";
                        return false;
                    }
                    continue;
                }
                int length = i - labelStart;
                if (length == 0) { reason = "empty label in domain (two dots in a row or a leading dot)"; return false; }
                if (length > MaxLabelLength) { reason = "domain label longer than " + MaxLabelLength + " characters"; return false; }
                if (host[labelStart] == '-' || host[i - 1] == '-') { reason = "domain label starts or ends with a hyphen"; return false; }
                lastLabelNumeric = true;
                for (int j = labelStart; j < i; j++) if (host[j] < '0' || host[j] > '9') { lastLabelNumeric = false; break; }
                labels++;
                labelStart = i + 1;
            }
            if (labels < 2) { reason = "domain has no top-level domain (needs a dot)"; return false; }
            if (lastLabelNumeric) { reason = "IP address instead of a domain name"; return false; }
            return true;
        }
    }
}
