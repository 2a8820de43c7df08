using System;
using System.Collections.Generic;
using System.Linq;
using AdoptionCrm.Plugins.EmailDomains;

namespace AdoptionCrm.Plugins.Settings
{
    /// <summary>
    /// What a save of the settings row changes, and what each change asks of the data already there, as the settings
    /// definition marks it per setting: a recompute from the leads (RebuildsOnChange: window, thresholds, weights), a
    /// relink of every lead (RelinksAllOnChange: the exclusion switches, keeping subdomains apart), or a relink of the
    /// leads at the domains a list gained or lost (RelinksItsDomainsOnChange: own domains). Values are compared as the
    /// definition writes them (<see cref="Setting.ToText"/>); of a domain list only the domains gained or lost count, so
    /// the same domains typed in another order relink nothing.
    /// </summary>
    public sealed class SettingsChange
    {
        private SettingsChange(IReadOnlyList<string> rebuild, IReadOnlyList<string> relinkAll, IReadOnlyList<string> domains)
        {
            ColumnsNeedingRebuild = rebuild;
            ColumnsRelinkingAll = relinkAll;
            DomainsToRelink = domains;
        }

        /// <summary>Changed settings whose change asks for a recompute from the leads (their columns).</summary>
        public IReadOnlyList<string> ColumnsNeedingRebuild { get; }

        /// <summary>Changed settings whose change asks for every lead to be linked again (their columns).</summary>
        public IReadOnlyList<string> ColumnsRelinkingAll { get; }

        /// <summary>Domains added to or removed from a domain-list setting, canonical, whose leads are linked again.</summary>
        public IReadOnlyList<string> DomainsToRelink { get; }

        public static SettingsChange Between(AdoptionSettings before, AdoptionSettings after)
        {
            var changed = SettingsDefinition.All.Where(s => !string.Equals(s.ToText(before[s]), s.ToText(after[s]), StringComparison.Ordinal)).ToList();
            var domains = new List<string>();
            foreach (var setting in changed.Where(s => s.ChangeRelinksItsDomains))
            {
                var was = (IReadOnlyList<string>)before[setting];
                var now = (IReadOnlyList<string>)after[setting];
                domains.AddRange(was.Except(now, StringComparer.OrdinalIgnoreCase).Concat(now.Except(was, StringComparer.OrdinalIgnoreCase))
                    .Select(d => { string reason; return DomainEntry.Normalize(d, out reason); }).Where(d => d != null));
            }
            return new SettingsChange(
                changed.Where(s => s.ChangeNeedsRebuild).Select(s => s.Column).ToList(),
                changed.Where(s => s.ChangeRelinksAll).Select(s => s.Column).ToList(),
                domains.Distinct(StringComparer.Ordinal).ToList());
        }
    }
}
