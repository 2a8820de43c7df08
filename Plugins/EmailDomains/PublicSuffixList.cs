using System;
using System.Collections.Generic;
using System.IO;

namespace AdoptionCrm.Plugins.EmailDomains
{
    /// <summary>
    /// The Public Suffix List as lookup tables, with the list's own matching algorithm
    /// (https://publicsuffix.org/list/ "Algorithm"): exception rules beat every other rule,
    /// otherwise the rule with the most labels wins, and "*" applies when nothing else matches.
    /// Both sections are honoured, so x.github.io is a registrable domain of its own.
    /// Immutable after construction; safe to share across threads.
    /// </summary>
    public sealed class PublicSuffixList
    {
        private static readonly Lazy<PublicSuffixList> Embedded = new Lazy<PublicSuffixList>(LoadEmbedded);

        // Rule text (ASCII, lowercase) → section. Wildcards are keyed by the part after "*.",
        // exceptions by the part after "!".
        private readonly Dictionary<string, PublicSuffixSection> _rules;
        private readonly Dictionary<string, PublicSuffixSection> _wildcards;
        private readonly Dictionary<string, PublicSuffixSection> _exceptions;

        private PublicSuffixList(Dictionary<string, PublicSuffixSection> rules, Dictionary<string, PublicSuffixSection> wildcards, Dictionary<string, PublicSuffixSection> exceptions,
            int icannRules, int privateRules)
        {
            _rules = rules;
            _wildcards = wildcards;
            _exceptions = exceptions;
            IcannRuleCount = icannRules;
            PrivateRuleCount = privateRules;
        }

        /// <summary>The list embedded at build time from the pinned package, loaded once per AppDomain.</summary>
        public static PublicSuffixList Default => Embedded.Value;

        public int IcannRuleCount { get; }
        public int PrivateRuleCount { get; }
        public int RuleCount => IcannRuleCount + PrivateRuleCount;
        public int WildcardRuleCount => _wildcards.Count;
        public int ExceptionRuleCount => _exceptions.Count;

        private static PublicSuffixList LoadEmbedded()
        {
            using (TextReader reader = ReferenceListResources.Open(ReferenceListResources.PublicSuffixList))
                return Parse(reader);
        }

        /// <summary>
        /// Parses text in the list's .dat format: one rule per line, "//" comments, and the
        /// "===BEGIN PRIVATE DOMAINS===" marker switching to the private section. Rules must already
        /// be in ASCII form (the build converts them), as hosts are compared after IDN mapping.
        /// </summary>
        public static PublicSuffixList Parse(TextReader reader)
        {
            if (reader == null) throw new ArgumentNullException(nameof(reader));
            var rules = new Dictionary<string, PublicSuffixSection>(StringComparer.Ordinal);
            var wildcards = new Dictionary<string, PublicSuffixSection>(StringComparer.Ordinal);
            var exceptions = new Dictionary<string, PublicSuffixSection>(StringComparer.Ordinal);
            PublicSuffixSection section = PublicSuffixSection.Icann;
            int icann = 0, priv = 0;
            string line;
            while ((line = reader.ReadLine()) != null)
            {
                line = line.Trim();
                if (line.Length == 0) continue;
                if (line.StartsWith("//", StringComparison.Ordinal))
                {
                    if (line.IndexOf("===BEGIN PRIVATE DOMAINS===", StringComparison.Ordinal) >= 0) section = PublicSuffixSection.Private;
                    else if (line.IndexOf("===BEGIN ICANN DOMAINS===", StringComparison.Ordinal) >= 0) section = PublicSuffixSection.Icann;
                    continue;
                }
                // The format says a rule ends at the first whitespace.
                int space = line.IndexOfAny(new[] { ' ', '\t' });
                string rule = (space >= 0 ? line.Substring(0, space) : line).ToLowerInvariant();
                bool added;
                if (rule.StartsWith("!", StringComparison.Ordinal)) added = TryAdd(exceptions, rule.Substring(1), section);
                else if (rule.StartsWith("*.", StringComparison.Ordinal)) added = TryAdd(wildcards, rule.Substring(2), section);
                else added = TryAdd(rules, rule, section);
                if (!added) continue;
                if (section == PublicSuffixSection.Icann) icann++; else priv++;
            }
            return new PublicSuffixList(rules, wildcards, exceptions, icann, priv);
        }

        private static bool TryAdd(Dictionary<string, PublicSuffixSection> table, string key, PublicSuffixSection section)
        {
            if (key.Length == 0 || table.ContainsKey(key)) return false;
            table.Add(key, section);
            return true;
        }

        /// <summary>
        /// The public suffix of a normalised host (lowercase ASCII, no trailing dot), and the section of
        /// the rule that decided it. A host with no dot is its own suffix.
        /// </summary>
        public string GetPublicSuffix(string host, out PublicSuffixSection section)
        {
            section = PublicSuffixSection.None;
            if (string.IsNullOrEmpty(host)) return host;

            // Candidate suffixes from longest (the whole host) to shortest (the last label).
            string best = null;
            PublicSuffixSection bestSection = PublicSuffixSection.None;
            int start = 0;
            while (true)
            {
                string candidate = start == 0 ? host : host.Substring(start);
                int nextDot = host.IndexOf('.', start);
                PublicSuffixSection found;
                if (_exceptions.TryGetValue(candidate, out found))
                {
                    // An exception always prevails: the suffix is the candidate minus its first label.
                    section = found;
                    return nextDot < 0 ? candidate : host.Substring(nextDot + 1);
                }
                if (best == null)
                {
                    if (_rules.TryGetValue(candidate, out found)) { best = candidate; bestSection = found; }
                    else if (nextDot >= 0 && nextDot > start && _wildcards.TryGetValue(host.Substring(nextDot + 1), out found)) { best = candidate; bestSection = found; }
                }
                if (nextDot < 0) break;
                start = nextDot + 1;
            }
            if (best != null) { section = bestSection; return best; }
            int lastDot = host.LastIndexOf('.');
            return lastDot < 0 ? host : host.Substring(lastDot + 1);
        }

        /// <summary>
        /// The registrable domain (the public suffix plus one label) of a normalised host, or null when
        /// the host is itself a public suffix (co.uk, github.io).
        /// </summary>
        public string GetRegistrableDomain(string host)
        {
            if (string.IsNullOrEmpty(host)) return null;
            PublicSuffixSection section;
            string suffix = GetPublicSuffix(host, out section);
            if (suffix.Length >= host.Length) return null;
            // host ends with "." + suffix; take one more label to the left.
            int labelEnd = host.Length - suffix.Length - 1;
            if (labelEnd <= 0) return null;
            int labelStart = host.LastIndexOf('.', labelEnd - 1) + 1;
            if (labelStart >= labelEnd) return null; // empty label: not a valid host
            return labelStart == 0 ? host : host.Substring(labelStart);
        }
    }
}
