using System;
using System.Collections.Generic;
using System.Linq;
using AdoptionCrm.Plugins.Linking;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Backfill
{
    /// <summary>
    /// The domain claims for a page of leads, read up front in a few AccountDomainLookup queries (names in chunks)
    /// instead of one query per lead; the same query, so the same claims. A lookup for a name not read up front
    /// goes to the service, so the answer never depends on what was prefetched.
    /// </summary>
    public sealed class ClaimPrefetch
    {
        public const int NamesPerQuery = 100;
        private readonly IOrganizationService _service;
        private readonly HashSet<string> _read = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<DomainClaim>> _byName = new Dictionary<string, List<DomainClaim>>(StringComparer.Ordinal);

        public ClaimPrefetch(IOrganizationService service, IEnumerable<string> names)
        {
            _service = service;
            var distinct = names.Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.Ordinal).ToList();
            for (int i = 0; i < distinct.Count; i += NamesPerQuery)
            {
                var chunk = distinct.Skip(i).Take(NamesPerQuery).ToList();
                foreach (var claim in AccountDomainLookup.Claims(service, chunk))
                {
                    List<DomainClaim> list;
                    if (!_byName.TryGetValue(claim.Domain, out list)) _byName[claim.Domain] = list = new List<DomainClaim>();
                    list.Add(claim);
                }
                _read.UnionWith(chunk);
            }
        }

        public IList<DomainClaim> Claims(IList<string> names)
        {
            if (!names.All(_read.Contains)) return AccountDomainLookup.Claims(_service, names);
            var claims = new List<DomainClaim>();
            foreach (string name in names)
            {
                List<DomainClaim> list;
                if (_byName.TryGetValue(name, out list)) claims.AddRange(list);
            }
            return claims;
        }
    }
}
