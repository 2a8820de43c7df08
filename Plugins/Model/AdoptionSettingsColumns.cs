namespace AdoptionCrm.Plugins.Model
{
    /// <summary>adopt_adoptionsettings: sales ops' configuration (Solution/src/Entities/adopt_AdoptionSettings).</summary>
    public static class AdoptionSettingsColumns
    {
        public const string EntityName = "adopt_adoptionsettings";
        public const string Id = "adopt_adoptionsettingsid";
        public const string Name = "adopt_name";
        public const string IndividualThreshold = "adopt_individualthreshold";
        public const string TeamThreshold = "adopt_teamthreshold";
        public const string SpreadingThreshold = "adopt_spreadingthreshold";
        public const string EnterpriseThreshold = "adopt_enterprisethreshold";
        public const string WindowDays = "adopt_windowdays";
        public const string DecayHalfLifeDays = "adopt_decayhalflifedays";
        public const string AdopterWeight = "adopt_adopterweight";
        public const string UsageWeight = "adopt_usageweight";
        public const string InvitationWeight = "adopt_invitationweight";
        public const string ExcludeFreeMail = "adopt_excludefreemail";
        public const string ExcludeDisposable = "adopt_excludedisposable";
        public const string ExcludeRoleSenders = "adopt_excluderolesenders";
        public const string AutoCreateAccounts = "adopt_autocreateaccounts";
        public const string AutoCreateMinPeople = "adopt_autocreateminpeople";
        public const string KeepSubdomainsApart = "adopt_keepsubdomainsapart";
        public const string OwnDomains = "adopt_owndomains";
        public const string TaskCooldownDays = "adopt_taskcooldowndays";
        public const string TaskDueDays = "adopt_taskduedays";
        public const string FallbackUserId = "adopt_fallbackuserid";
        public const string FallbackQueueId = "adopt_fallbackqueueid";
        public const string TaskIndividual = "adopt_taskindividual";
        public const string TaskTeam = "adopt_taskteam";
        public const string TaskSpreading = "adopt_taskspreading";
        public const string TaskEnterpriseReady = "adopt_taskenterpriseready";
        public const string TeamPlaysToQueue = "adopt_teamplaystoqueue";
        public const string IsActive = "adopt_isactive";
        /// <summary>Domains whose existing leads wait to be linked again after a rule or own-domain change (RelinkQueue).</summary>
        public const string RelinkDomains = "adopt_relinkdomains";
        /// <summary>When the latest such change was made: leads modified before it are relinked.</summary>
        public const string RelinkSince = "adopt_relinksince";
        /// <summary>When a change of the window, thresholds or weights asked for a recompute from the leads (cleared when done).</summary>
        public const string RebuildRequestedOn = "adopt_rebuildrequestedon";
        public const string CreatedOn = "createdon";
    }
}
