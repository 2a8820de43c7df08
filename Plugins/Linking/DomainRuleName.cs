using AdoptionCrm.Plugins.EmailDomains;

namespace AdoptionCrm.Plugins.Linking
{
    /// <summary>The stored form of a rule's domain: the same parsing the exclusion code applies (DomainEntry).</summary>
    public static class DomainRuleName
    {
        public static string Canonical(string typed)
        {
            string reason;
            return DomainEntry.Normalize(typed, out reason);
        }

        /// <summary>The canonical name, or null with why the text cannot be a rule.</summary>
        public static string Canonical(string typed, out string reason) => DomainEntry.Normalize(typed, out reason);
    }
}
