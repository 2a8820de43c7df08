using System.Collections.Generic;
using AdoptionCrm.Plugins.Model;

namespace AdoptionCrm.Plugins.Settings
{
    /// <summary>
    /// The one definition of every setting sales ops can change: column, simulate's JSON name, default,
    /// range (as the column declares it) and label. To add a setting: add its column to
    /// Solution/src/Entities/adopt_AdoptionSettings (Entity.xml and the form), a constant in
    /// AdoptionSettingsColumns, a line here and, if the engine reads it, a typed property on
    /// AdoptionSettings. The reader, the text hand-over, the validator's range checks and simulate's
    /// --settings names follow from this table; SettingsDefinitionTests hold it to Solution/src.
    /// </summary>
    public static class SettingsDefinition
    {
        // Thresholds and window from the product brief (15 people in 60 days).
        public static readonly Setting IndividualThreshold = Setting.Int(AdoptionSettingsColumns.IndividualThreshold, "individualThreshold", 1, 1, 100000, "Individual Threshold").RebuildsOnChange();
        public static readonly Setting TeamThreshold = Setting.Int(AdoptionSettingsColumns.TeamThreshold, "teamThreshold", 3, 1, 100000, "Team Threshold").RebuildsOnChange();
        public static readonly Setting SpreadingThreshold = Setting.Int(AdoptionSettingsColumns.SpreadingThreshold, "spreadingThreshold", 8, 1, 100000, "Spreading Threshold").RebuildsOnChange();
        public static readonly Setting EnterpriseThreshold = Setting.Int(AdoptionSettingsColumns.EnterpriseThreshold, "enterpriseThreshold", 15, 1, 100000, "Enterprise-ready Threshold").RebuildsOnChange();
        public static readonly Setting WindowDays = Setting.Int(AdoptionSettingsColumns.WindowDays, "windowDays", 60, 1, 3650, "Window (days)").RebuildsOnChange();
        public static readonly Setting DecayHalfLifeDays = Setting.Int(AdoptionSettingsColumns.DecayHalfLifeDays, "decayHalfLifeDays", 30, 1, 3650, "Decay Half-life (days)").RebuildsOnChange();
        /// <summary>Points per fresh distinct adopter: 15 fresh adopters make 75 of the 100.</summary>
        public static readonly Setting AdopterWeight = Setting.Decimal(AdoptionSettingsColumns.AdopterWeight, "adopterWeight", 5m, 0m, 1000m, "Adopter Weight").RebuildsOnChange();
        /// <summary>Points per decade of usage volume (log10): 1,000 usage events add 15.</summary>
        public static readonly Setting UsageWeight = Setting.Decimal(AdoptionSettingsColumns.UsageWeight, "usageWeight", 5m, 0m, 1000m, "Usage Weight").RebuildsOnChange();
        /// <summary>Points per fresh team invitation.</summary>
        public static readonly Setting InvitationWeight = Setting.Decimal(AdoptionSettingsColumns.InvitationWeight, "invitationWeight", 2m, 0m, 1000m, "Invitation Weight").RebuildsOnChange();
        public static readonly Setting ExcludeFreeMail = Setting.Bool(AdoptionSettingsColumns.ExcludeFreeMail, "excludeFreeMail", true, "Exclude Free Mail").RelinksAllOnChange();
        public static readonly Setting ExcludeDisposable = Setting.Bool(AdoptionSettingsColumns.ExcludeDisposable, "excludeDisposable", true, "Exclude Disposable").RelinksAllOnChange();
        public static readonly Setting ExcludeRoleSenders = Setting.Bool(AdoptionSettingsColumns.ExcludeRoleSenders, "excludeRoleSenders", true, "Exclude Role Senders").RelinksAllOnChange();
        public static readonly Setting AutoCreateAccounts = Setting.Bool(AdoptionSettingsColumns.AutoCreateAccounts, "autoCreateAccounts", false, "Auto-create Accounts");
        /// <summary>People a company must count before auto-creation makes its account (one person is not a company).</summary>
        public static readonly Setting AutoCreateMinPeople = Setting.Int(AdoptionSettingsColumns.AutoCreateMinPeople, "autoCreateMinPeople", 3, 1, 100000, "Auto-create Min People");
        public static readonly Setting KeepSubdomainsApart = Setting.Bool(AdoptionSettingsColumns.KeepSubdomainsApart, "keepSubdomainsApart", false, "Keep Subdomains Apart").RelinksAllOnChange();
        public static readonly Setting OwnDomains = Setting.DomainList(AdoptionSettingsColumns.OwnDomains, "ownDomains", "Own Domains").RelinksItsDomainsOnChange();
        /// <summary>Re-task an account at most about once a month for the same stage.</summary>
        public static readonly Setting TaskCooldownDays = Setting.Int(AdoptionSettingsColumns.TaskCooldownDays, "taskCooldownDays", 30, 0, 3650, "Task Cooldown (days)");
        /// <summary>Days until an Enterprise-ready task is due; earlier stages get multiples (TaskRules).</summary>
        public static readonly Setting TaskDueDays = Setting.Int(AdoptionSettingsColumns.TaskDueDays, "taskDueDays", 2, 0, 365, "Task Due (days)");
        public static readonly Setting FallbackUser = Setting.Lookup(AdoptionSettingsColumns.FallbackUserId, "fallbackUserId", SystemUserColumns.EntityName, "Fallback User");
        public static readonly Setting FallbackQueue = Setting.Lookup(AdoptionSettingsColumns.FallbackQueueId, "fallbackQueueId", OwnerTables.Queue, "Fallback Queue");
        /// <summary>Which stages earn the rep a play. One person is not yet a company to sell to, so Individual is off.</summary>
        public static readonly Setting TaskIndividual = Setting.Bool(AdoptionSettingsColumns.TaskIndividual, "taskIndividual", false, "Task at Individual");
        public static readonly Setting TaskTeam = Setting.Bool(AdoptionSettingsColumns.TaskTeam, "taskTeam", true, "Task at Team");
        public static readonly Setting TaskSpreading = Setting.Bool(AdoptionSettingsColumns.TaskSpreading, "taskSpreading", true, "Task at Spreading");
        public static readonly Setting TaskEnterpriseReady = Setting.Bool(AdoptionSettingsColumns.TaskEnterpriseReady, "taskEnterpriseReady", true, "Task at Enterprise-ready");
        /// <summary>A team-owned account's play: owned by the team (off) or routed to the fallback queue (on).</summary>
        public static readonly Setting TeamPlaysToQueue = Setting.Bool(AdoptionSettingsColumns.TeamPlaysToQueue, "teamPlaysToQueue", false, "Team Plays to Fallback Queue");

        /// <summary>Every setting, in the form's order.</summary>
        public static readonly IReadOnlyList<Setting> All = Numbered(new[]
        {
            IndividualThreshold, TeamThreshold, SpreadingThreshold, EnterpriseThreshold, WindowDays, DecayHalfLifeDays,
            AdopterWeight, UsageWeight, InvitationWeight, ExcludeFreeMail, ExcludeDisposable, ExcludeRoleSenders,
            OwnDomains, KeepSubdomainsApart, AutoCreateAccounts, AutoCreateMinPeople, TaskCooldownDays, TaskDueDays,
            FallbackUser, FallbackQueue, TaskIndividual, TaskTeam, TaskSpreading, TaskEnterpriseReady, TeamPlaysToQueue,
        });

        private static readonly Dictionary<string, Setting> ByColumnMap = Index();

        /// <summary>The setting stored in a column; null when the column is not a setting.</summary>
        public static Setting ByColumn(string column)
        {
            Setting setting;
            return column != null && ByColumnMap.TryGetValue(column, out setting) ? setting : null;
        }

        private static Setting[] Numbered(Setting[] all)
        {
            for (var i = 0; i < all.Length; i++) all[i].Ordinal = i;
            return all;
        }

        private static Dictionary<string, Setting> Index()
        {
            var map = new Dictionary<string, Setting>();
            foreach (var setting in All) map.Add(setting.Column, setting);
            return map;
        }
    }
}
