using System;
using System.Collections.Generic;
using AdoptionCrm.Plugins.EmailDomains;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Settings
{
    /// <summary>
    /// The settings the engine runs with, read from the active adopt_adoptionsettings row (or the
    /// defaults). Immutable: built once per execution, never cached across executions. Values are held
    /// per <see cref="Setting"/> (SettingsDefinition); the properties are typed views of them.
    /// </summary>
    public sealed class AdoptionSettings
    {
        // By Setting.Ordinal: every typed property below is read on each signup, some once per day bucket.
        private readonly object[] _values = new object[SettingsDefinition.All.Count];

        /// <summary>Every setting at its default.</summary>
        public AdoptionSettings() : this(null) { }

        private AdoptionSettings(Entity row)
        {
            foreach (var setting in SettingsDefinition.All) _values[setting.Ordinal] = setting.ReadFrom(row);
        }

        /// <summary>The row's values over the defaults: a column left empty keeps its default.</summary>
        public static AdoptionSettings FromRow(Entity row)
        {
            var s = new AdoptionSettings(row);
            if (row != null && row.Id != Guid.Empty) s.SettingsId = row.Id;
            return s;
        }

        /// <summary>The row's values over the defaults, for values that came without a row id (the defaults passed on as text).</summary>
        public static AdoptionSettings FromRowWithoutId(Entity row) => new AdoptionSettings(row);

        public Guid? SettingsId { get; private set; }

        /// <summary>One setting's value (int, decimal, bool, IReadOnlyList&lt;string&gt; or EntityReference, by its kind).</summary>
        public object this[Setting setting] => _values[setting.Ordinal];

        public int IndividualThreshold => (int)_values[SettingsDefinition.IndividualThreshold.Ordinal];
        public int TeamThreshold => (int)_values[SettingsDefinition.TeamThreshold.Ordinal];
        public int SpreadingThreshold => (int)_values[SettingsDefinition.SpreadingThreshold.Ordinal];
        public int EnterpriseThreshold => (int)_values[SettingsDefinition.EnterpriseThreshold.Ordinal];
        public int WindowDays => (int)_values[SettingsDefinition.WindowDays.Ordinal];
        public int DecayHalfLifeDays => (int)_values[SettingsDefinition.DecayHalfLifeDays.Ordinal];
        public decimal AdopterWeight => (decimal)_values[SettingsDefinition.AdopterWeight.Ordinal];
        public decimal UsageWeight => (decimal)_values[SettingsDefinition.UsageWeight.Ordinal];
        public decimal InvitationWeight => (decimal)_values[SettingsDefinition.InvitationWeight.Ordinal];
        public bool ExcludeFreeMail => (bool)_values[SettingsDefinition.ExcludeFreeMail.Ordinal];
        public bool ExcludeDisposable => (bool)_values[SettingsDefinition.ExcludeDisposable.Ordinal];
        public bool ExcludeRoleSenders => (bool)_values[SettingsDefinition.ExcludeRoleSenders.Ordinal];
        public bool AutoCreateAccounts => (bool)_values[SettingsDefinition.AutoCreateAccounts.Ordinal];
        public int AutoCreateMinPeople => (int)_values[SettingsDefinition.AutoCreateMinPeople.Ordinal];
        public bool KeepSubdomainsApart => (bool)_values[SettingsDefinition.KeepSubdomainsApart.Ordinal];
        public int TaskCooldownDays => (int)_values[SettingsDefinition.TaskCooldownDays.Ordinal];
        public int TaskDueDays => (int)_values[SettingsDefinition.TaskDueDays.Ordinal];
        public IReadOnlyList<string> OwnDomains => (IReadOnlyList<string>)_values[SettingsDefinition.OwnDomains.Ordinal];
        public EntityReference FallbackUser => (EntityReference)_values[SettingsDefinition.FallbackUser.Ordinal];
        public EntityReference FallbackQueue => (EntityReference)_values[SettingsDefinition.FallbackQueue.Ordinal];
        public bool TeamPlaysToQueue => (bool)_values[SettingsDefinition.TeamPlaysToQueue.Ordinal];

        /// <summary>Whether sales ops act on a stage: a rise to it earns the rep a play.</summary>
        public bool IsTasked(AdoptionStage stage)
        {
            switch (stage)
            {
                case AdoptionStage.Individual: return (bool)_values[SettingsDefinition.TaskIndividual.Ordinal];
                case AdoptionStage.Team: return (bool)_values[SettingsDefinition.TaskTeam.Ordinal];
                case AdoptionStage.Spreading: return (bool)_values[SettingsDefinition.TaskSpreading.Ordinal];
                case AdoptionStage.EnterpriseReady: return (bool)_values[SettingsDefinition.TaskEnterpriseReady.Ordinal];
                default: return false;
            }
        }

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
    }
}
