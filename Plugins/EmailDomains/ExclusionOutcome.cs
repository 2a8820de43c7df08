namespace AdoptionCrm.Plugins.EmailDomains
{
    /// <summary>What the exclusion layers decided about a signup's email.</summary>
    public enum ExclusionOutcome
    {
        /// <summary>A company domain: the signup counts toward that company's account.</summary>
        Company = 0,
        /// <summary>The field was empty.</summary>
        NoEmail = 1,
        /// <summary>The field held something that is not a usable address.</summary>
        InvalidEmail = 2,
        /// <summary>An automated or infrastructure mailbox (noreply@, postmaster@…), not a person.</summary>
        ExcludedRole = 3,
        /// <summary>One of our own company's domains.</summary>
        ExcludedOwn = 4,
        /// <summary>Excluded by a sales ops rule.</summary>
        ExcludedRule = 5,
        /// <summary>A free-mail provider (gmail.com): a person, but no company.</summary>
        ExcludedFreeMail = 6,
        /// <summary>A disposable-address service.</summary>
        ExcludedDisposable = 7,
    }
}
