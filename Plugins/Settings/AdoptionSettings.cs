using System;
using System.Collections.Generic;
using AdoptionCrm.Plugins.Domain;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Settings
{
    /// <summary>
    /// The settings the engine runs with, read from the active adopt_adoptionsettings row (or the
    /// defaults). Immutable: built once per execution, never cached across executions.
    /// </summary>
    public sealed class AdoptionSettings
    {
        public AdoptionSettings()
        {
            IndividualThreshold = AdoptionDefaults.IndividualThreshold;
            TeamThreshold = AdoptionDefaults.TeamThreshold;
            SpreadingThreshold = AdoptionDefaults.SpreadingThreshold;
            EnterpriseThreshold = AdoptionDefaults.EnterpriseThreshold;
            WindowDays = AdoptionDefaults.WindowDays;
            DecayHalfLifeDays = AdoptionDefaults.DecayHalfLifeDays;
            AdopterWeight = AdoptionDefaults.AdopterWeight;
            UsageWeight = AdoptionDefaults.UsageWeight;
            InvitationWeight = AdoptionDefaults.InvitationWeight;
            ExcludeFreeMail = AdoptionDefaults.ExcludeFreeMail;
            ExcludeDisposable = AdoptionDefaults.ExcludeDisposable;
            ExcludeRoleSenders = AdoptionDefaults.ExcludeRoleSenders;
            AutoCreateAccounts = AdoptionDefaults.AutoCreateAccounts;
            AutoCreateMinPeople = AdoptionDefaults.AutoCreateMinPeople;
            KeepSubdomainsApart = AdoptionDefaults.KeepSubdomainsApart;
            TaskCooldownDays = AdoptionDefaults.TaskCooldownDays;
            TaskDueDays = AdoptionDefaults.TaskDueDays;
            OwnDomains = new string[0];
        }

        /// <summary>The row's values over the defaults: a column left empty keeps its default.</summary>
        public static AdoptionSettings FromRow(Entity row)
        {
            var s = new AdoptionSettings();
            if (row == null) return s;
            s.SettingsId = row.Id;
            s.IndividualThreshold = Int(row, AdoptionSettingsColumns.IndividualThreshold, s.IndividualThreshold);
            s.TeamThreshold = Int(row, AdoptionSettingsColumns.TeamThreshold, s.TeamThreshold);
            s.SpreadingThreshold = Int(row, AdoptionSettingsColumns.SpreadingThreshold, s.SpreadingThreshold);
            s.EnterpriseThreshold = Int(row, AdoptionSettingsColumns.EnterpriseThreshold, s.EnterpriseThreshold);
            s.WindowDays = Int(row, AdoptionSettingsColumns.WindowDays, s.WindowDays);
            s.DecayHalfLifeDays = Int(row, AdoptionSettingsColumns.DecayHalfLifeDays, s.DecayHalfLifeDays);
            s.AdopterWeight = Dec(row, AdoptionSettingsColumns.AdopterWeight, s.AdopterWeight);
            s.UsageWeight = Dec(row, AdoptionSettingsColumns.UsageWeight, s.UsageWeight);
            s.InvitationWeight = Dec(row, AdoptionSettingsColumns.InvitationWeight, s.InvitationWeight);
            s.ExcludeFreeMail = Bool(row, AdoptionSettingsColumns.ExcludeFreeMail, s.ExcludeFreeMail);
            s.ExcludeDisposable = Bool(row, AdoptionSettingsColumns.ExcludeDisposable, s.ExcludeDisposable);
            s.ExcludeRoleSenders = Bool(row, AdoptionSettingsColumns.ExcludeRoleSenders, s.ExcludeRoleSenders);
            s.AutoCreateAccounts = Bool(row, AdoptionSettingsColumns.AutoCreateAccounts, s.AutoCreateAccounts);
            s.AutoCreateMinPeople = Int(row, AdoptionSettingsColumns.AutoCreateMinPeople, s.AutoCreateMinPeople);
            s.KeepSubdomainsApart = Bool(row, AdoptionSettingsColumns.KeepSubdomainsApart, s.KeepSubdomainsApart);
            s.TaskCooldownDays = Int(row, AdoptionSettingsColumns.TaskCooldownDays, s.TaskCooldownDays);
            s.TaskDueDays = Int(row, AdoptionSettingsColumns.TaskDueDays, s.TaskDueDays);
            s.OwnDomains = SplitList(row.GetAttributeValue<string>(AdoptionSettingsColumns.OwnDomains));
            s.FallbackUser = row.GetAttributeValue<EntityReference>(AdoptionSettingsColumns.FallbackUserId);
            s.FallbackQueue = row.GetAttributeValue<EntityReference>(AdoptionSettingsColumns.FallbackQueueId);
            return s;
        }

        /// <summary>The row's values over the defaults, for values that came without a row id (the defaults passed on as text).</summary>
        public static AdoptionSettings FromRowWithoutId(Entity row)
        {
            var s = FromRow(row);
            s.SettingsId = null;
            return s;
        }

        public Guid? SettingsId { get; private set; }
        public int IndividualThreshold { get; private set; }
        public int TeamThreshold { get; private set; }
        public int SpreadingThreshold { get; private set; }
        public int EnterpriseThreshold { get; private set; }
        public int WindowDays { get; private set; }
        public int DecayHalfLifeDays { get; private set; }
        public decimal AdopterWeight { get; private set; }
        public decimal UsageWeight { get; private set; }
        public decimal InvitationWeight { get; private set; }
        public bool ExcludeFreeMail { get; private set; }
        public bool ExcludeDisposable { get; private set; }
        public bool ExcludeRoleSenders { get; private set; }
        public bool AutoCreateAccounts { get; private set; }
        public int AutoCreateMinPeople { get; private set; }
        public bool KeepSubdomainsApart { get; private set; }
        public int TaskCooldownDays { get; private set; }
        public int TaskDueDays { get; private set; }
        public IReadOnlyList<string> OwnDomains { get; private set; }
        public EntityReference FallbackUser { get; private set; }
        public EntityReference FallbackQueue { get; private set; }

        /// <summary>The threshold of a stage (None = 0).</summary>
        public int ThresholdOf(AdoptionStage stage)
        {
            switch (stage)
            {
                case AdoptionStage.Individual: return IndividualThreshold;
                case AdoptionStage.Team: return TeamThreshold;
                case AdoptionStage.Spreading: return SpreadingThreshold;
                case AdoptionStage.EnterpriseReady: return EnterpriseThreshold;
                default: return 0;
            }
        }

        /// <summary>The exclusion layers' inputs for the domain code, with sales ops' rules for this signup.</summary>
        public ExclusionSettings ToExclusionSettings(IEnumerable<ExclusionRule> rules)
        {
            return new ExclusionSettings(OwnDomains, rules, KeepSubdomainsApart);
        }

        /// <summary>Own-domain lists are typed by people: one per line, or separated by ',', ';' or spaces.</summary>
        public static IReadOnlyList<string> SplitList(string text)
        {
            if (string.IsNullOrWhiteSpace(text)) return new string[0];
            return text.Split(new[] { '\r', '\n', ',', ';', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        }

        private static int Int(Entity row, string column, int fallback)
        {
            var value = row.GetAttributeValue<int?>(column);
            return value ?? fallback;
        }

        private static decimal Dec(Entity row, string column, decimal fallback)
        {
            var value = row.GetAttributeValue<decimal?>(column);
            return value ?? fallback;
        }

        private static bool Bool(Entity row, string column, bool fallback)
        {
            var value = row.GetAttributeValue<bool?>(column);
            return value ?? fallback;
        }
    }
}
