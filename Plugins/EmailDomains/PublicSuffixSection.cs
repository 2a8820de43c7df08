namespace AdoptionCrm.Plugins.EmailDomains
{
    /// <summary>The section of the Public Suffix List a rule comes from.</summary>
    public enum PublicSuffixSection
    {
        /// <summary>No listed rule matched; the list's implicit "*" rule (the last label) applied.</summary>
        None = 0,
        /// <summary>Suffixes delegated by registries (co.uk, com).</summary>
        Icann = 1,
        /// <summary>Suffixes that companies hand out to their customers (github.io, blogspot.com).</summary>
        Private = 2,
    }
}
