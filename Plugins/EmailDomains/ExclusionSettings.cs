using System;
using System.Collections.Generic;

namespace AdoptionCrm.Plugins.EmailDomains
{
    /// <summary>
    /// The per-organisation inputs of the exclusion layers (from the settings table), normalised once:
    /// build one per settings version and reuse it for every lead. Entries that are not valid domains
    /// are listed in InvalidEntries (for the settings validator to refuse) and otherwise ignored.
    /// </summary>
    public sealed class ExclusionSettings
    {
        private readonly Dictionary<string, ExclusionRule> _rules;
        private readonly List<string> _invalidEntries;

        public ExclusionSettings(IEnumerable<string> ownDomains = null, IEnumerable<ExclusionRule> rules = null, bool keepSubdomainsApart = false)
        {
            KeepSubdomainsApart = keepSubdomainsApart;
            _invalidEntries = new List<string>();

            var own = new List<string>();
            if (ownDomains != null)
                foreach (string entry in ownDomains)
                {
                    string key = NormalizeEntry(entry, "own domain");
                    if (key != null) own.Add(key);
                }
            OwnDomains = DomainSet.FromNormalized(own);

            _rules = new Dictionary<string, ExclusionRule>(StringComparer.Ordinal);
            if (rules != null)
                foreach (ExclusionRule rule in rules)
                {
                    if (rule == null) continue;
                    string key = NormalizeEntry(rule.Domain, rule.Allow ? "allow rule" : "exclude rule");
                    if (key == null) continue;
                    ExclusionRule existing;
                    // Two rows for one domain: exclude wins, the safe side for an ambiguous setting.
                    if (_rules.TryGetValue(key, out existing) && !existing.Allow) continue;
                    _rules[key] = rule;
                }
        }

        /// <summary>No own domains, no rules, subdomains rolled up.</summary>
        public static ExclusionSettings None { get; } = new ExclusionSettings();

        public bool KeepSubdomainsApart { get; }
        public DomainSet OwnDomains { get; }
        public int RuleCount => _rules.Count;

        /// <summary>Entries that were not domains, with why; "own domain 'x y': space in domain".</summary>
        public IReadOnlyList<string> InvalidEntries => _invalidEntries;

        private string NormalizeEntry(string entry, string what)
        {
            string reason;
            string normalized = DomainEntry.Normalize(entry, out reason);
            if (normalized == null)
                _invalidEntries.Add(string.IsNullOrWhiteSpace(entry) ? what + ": empty" : what + " '" + entry + "': " + reason);
            return normalized;
        }

        /// <summary>The most specific rule covering the host (itself, then each parent), or null.</summary>
        internal ExclusionRule FindRule(string host, out string matched)
        {
            matched = null;
            if (_rules.Count == 0 || string.IsNullOrEmpty(host)) return null;
            ExclusionRule rule;
            if (_rules.TryGetValue(host, out rule)) { matched = host; return rule; }
            int dot = host.IndexOf('.');
            while (dot >= 0 && dot + 1 < host.Length)
            {
                string parent = host.Substring(dot + 1);
                if (_rules.TryGetValue("*." + parent, out rule)) { matched = "*." + parent; return rule; }
                if (_rules.TryGetValue(parent, out rule)) { matched = parent; return rule; }
                dot = host.IndexOf('.', dot + 1);
            }
            return null;
        }
    }
}
