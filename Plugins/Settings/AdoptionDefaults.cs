namespace AdoptionCrm.Plugins.Settings
{
    /// <summary>
    /// The one place settings defaults live: used when no active settings row exists, for a column left
    /// empty on the row, and by `simulate`. Thresholds and window from the product brief (15 people in 60
    /// days); cooldown from mission-anchors (Calixa "once per month").
    /// </summary>
    public static class AdoptionDefaults
    {
        public const int IndividualThreshold = 1;
        public const int TeamThreshold = 3;
        public const int SpreadingThreshold = 8;
        public const int EnterpriseThreshold = 15;
        public const int WindowDays = 60;
        public const int DecayHalfLifeDays = 30;
        /// <summary>Points per fresh distinct adopter: 15 fresh adopters make 75 of the 100.</summary>
        public const decimal AdopterWeight = 5m;
        /// <summary>Points per decade of usage volume (log10): 1,000 usage events add 15.</summary>
        public const decimal UsageWeight = 5m;
        /// <summary>Points per fresh team invitation.</summary>
        public const decimal InvitationWeight = 2m;
        public const bool ExcludeFreeMail = true;
        public const bool ExcludeDisposable = true;
        public const bool ExcludeRoleSenders = true;
        public const bool AutoCreateAccounts = false;
        /// <summary>People a company must count before auto-creation makes its account (one person is not a company).</summary>
        public const int AutoCreateMinPeople = 3;
        public const bool KeepSubdomainsApart = false;
        public const int TaskCooldownDays = 30;
        /// <summary>Days until an Enterprise-ready task is due; earlier stages get multiples (TaskRules).</summary>
        public const int TaskDueDays = 2;

        public static AdoptionSettings Settings { get; } = new AdoptionSettings();
    }
}
