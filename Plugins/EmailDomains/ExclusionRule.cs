namespace AdoptionCrm.Plugins.EmailDomains
{
    /// <summary>
    /// One of sales ops' rows: a domain (or "*.domain" for every host under it) to exclude, or to
    /// allow even though the free-mail or disposable lists name it (gmx.net for a GMX customer base).
    /// </summary>
    public sealed class ExclusionRule
    {
        public ExclusionRule(string domain, bool allow, string name = null)
        {
            Domain = domain;
            Allow = allow;
            Name = name;
        }

        /// <summary>The domain as entered; normalised (trim, lowercase, IDN) when the rules are loaded.</summary>
        public string Domain { get; }

        /// <summary>True for an allow rule, false for an exclude rule.</summary>
        public bool Allow { get; }

        /// <summary>Optional name of the row, quoted in the reason.</summary>
        public string Name { get; }

        public static ExclusionRule Exclude(string domain, string name = null) => new ExclusionRule(domain, false, name);
        public static ExclusionRule AllowDomain(string domain, string name = null) => new ExclusionRule(domain, true, name);
    }
}
