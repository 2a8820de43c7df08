using System;
using AdoptionCrm.Plugins.EmailDomains;

namespace AdoptionCrm.Plugins.Linking
{
    /// <summary>The company domain of an account's websiteurl ("https://www.Contoso.co.uk/about" → contoso.co.uk), or null.</summary>
    public static class WebsiteDomain
    {
        public static string Of(string websiteUrl, bool keepSubdomainsApart)
        {
            if (string.IsNullOrWhiteSpace(websiteUrl)) return null;
            string text = websiteUrl.Trim();
            int scheme = text.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0) text = text.Substring(scheme + 3);
            int end = text.IndexOfAny(new[] { '/', '?', '#' });
            if (end >= 0) text = text.Substring(0, end);
            int at = text.LastIndexOf('@');
            if (at >= 0) text = text.Substring(at + 1);
            int colon = text.LastIndexOf(':');
            if (colon >= 0) text = text.Substring(0, colon);
            if (text.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) text = text.Substring(4);
            var normalized = DomainNormalizer.Default.Normalize(text, keepSubdomainsApart);
            return normalized.IsValid ? normalized.Domain : null;
        }
    }
}
