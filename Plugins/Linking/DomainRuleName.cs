using AdoptionCrm.Plugins.Domain;

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
    }
}
