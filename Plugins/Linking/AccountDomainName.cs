using System;
using AdoptionCrm.Plugins.EmailDomains;

namespace AdoptionCrm.Plugins.Linking
{
    /// <summary>
    /// The stored form of an account domain row's name, normalised as rules are (DomainEntry: lowercase, punycode,
    /// no trailing dot, "@contoso.com" → contoso.com) and, because people paste what they see, also without a
    /// scheme, path, query, port or a leading "www." ("https://www.Contoso.com:443/about" → contoso.com). The host
    /// is kept as typed otherwise (eu.contoso.com stays eu.contoso.com: with subdomains kept apart it is a company
    /// of its own). A wildcard is refused: an account claims domains, and the subdomains of a claimed domain already
    /// follow it. Null when the text is not a domain.
    /// </summary>
    public static class AccountDomainName
    {
        public static string Canonical(string typed, out string reason)
        {
            reason = null;
            if (string.IsNullOrWhiteSpace(typed)) { reason = "empty"; return null; }
            string text = typed.Trim();
            int scheme = text.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0) text = text.Substring(scheme + 3);
            int end = text.IndexOfAny(new[] { '/', '?', '#' });
            if (end >= 0) text = text.Substring(0, end);
            int at = text.LastIndexOf('@');
            if (at >= 0) text = text.Substring(at + 1);
            int colon = text.LastIndexOf(':');
            if (colon >= 0) text = text.Substring(0, colon);
            if (text.StartsWith("*", StringComparison.Ordinal)) { reason = "a wildcard cannot be an account's domain"; return null; }
            if (text.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) text = text.Substring(4);
            return DomainEntry.Normalize(text, out reason);
        }
    }
}
