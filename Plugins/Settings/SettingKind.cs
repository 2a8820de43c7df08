namespace AdoptionCrm.Plugins.Settings
{
    /// <summary>What a setting's column holds, which decides how it is read, written as text and checked.</summary>
    public enum SettingKind
    {
        Int,
        Decimal,
        Bool,
        /// <summary>Text a person types, one domain per line (or separated by ',', ';' or spaces).</summary>
        DomainList,
        /// <summary>A lookup to another table; no default (null).</summary>
        Lookup,
    }
}
