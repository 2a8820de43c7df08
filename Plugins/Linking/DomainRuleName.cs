using System;
using AdoptionCrm.Plugins.Domain;

namespace AdoptionCrm.Plugins.Linking
{
    /// <summary>The stored form of a rule's domain, as the exclusion code reads it (same parsing as ExclusionSettings).</summary>
    public static class DomainRuleName
    {
        public static string Canonical(string typed)
        {
            if (string.IsNullOrWhiteSpace(typed)) return null;
            string text = typed.Trim();
            bool wildcard = text.StartsWith("*.", StringComparison.Ordinal);
            int at = text.LastIndexOf('@');
            if (at >= 0) text = text.Substring(at + 1);
            if (wildcard) text = text.Substring(2);
            string reason;
            string host = DomainNormalizer.ToAsciiHost(text, out reason);
            if (host == null) return null;
            return wildcard ? "*." + host : host;
        }
    }
}
