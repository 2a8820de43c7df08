namespace AdoptionCrm.Plugins.EmailDomains
{
    /// <summary>What an email field held.</summary>
    public enum EmailStatus
    {
        /// <summary>Nothing: null, empty or whitespace.</summary>
        Empty = 0,
        /// <summary>Something that is not a usable address; the reason says why.</summary>
        Invalid = 1,
        /// <summary>A usable address.</summary>
        Valid = 2,
    }
}
