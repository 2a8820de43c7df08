using System;
using System.Collections.Generic;
using System.Linq;
using AdoptionCrm.Plugins.Model;

namespace AdoptionCrm.Plugins.Linking
{
    /// <summary>
    /// The deterministic rule when several accounts claim a domain: an active account over an inactive one (an inactive
    /// account keeps its claims, so deactivating one moves nothing and makes no duplicate), then the most specific domain name,
    /// then the primary flag, then the source (Manual > Import > Learned > Website > Auto-created), then
    /// the oldest row, then the lowest account id. Returns the winner and which rule decided.
    /// </summary>
    public static class DomainClaimRanking
    {
        public static DomainClaim Pick(IList<DomainClaim> claims, IList<string> namesMostSpecificFirst, out string decidedBy)
        {
            decidedBy = null;
            if (claims.Count == 0) return null;
            var ordered = claims
                .OrderByDescending(c => c.AccountIsActive)
                .ThenBy(c => Specificity(namesMostSpecificFirst, c.Domain))
                .ThenByDescending(c => c.IsPrimary)
                .ThenBy(c => SourceRank(c.Source))
                .ThenBy(c => c.CreatedOn)
                .ThenBy(c => c.Account.Id)
                .ToList();
            var winner = ordered[0];
            var rivals = ordered.Skip(1).Where(c => c.Account.Id != winner.Account.Id).ToList();
            if (rivals.Count == 0) { decidedBy = "the only account claiming it"; return winner; }
            var next = rivals[0];
            if (next.AccountIsActive != winner.AccountIsActive) decidedBy = "the active account";
            else if (Specificity(namesMostSpecificFirst, next.Domain) != Specificity(namesMostSpecificFirst, winner.Domain)) decidedBy = "the most specific domain";
            else if (next.IsPrimary != winner.IsPrimary) decidedBy = "the primary flag";
            else if (SourceRank(next.Source) != SourceRank(winner.Source)) decidedBy = "the source rank (" + winner.Source + " over " + next.Source + ")";
            else if (next.CreatedOn != winner.CreatedOn) decidedBy = "the oldest domain row";
            else decidedBy = "the lowest account id";
            decidedBy = (rivals.Select(r => r.Account.Id).Distinct().Count() + 1) + " accounts claim it; decided by " + decidedBy;
            return winner;
        }

        public static int SourceRank(DomainSource source)
        {
            switch (source)
            {
                case DomainSource.Manual: return 0;
                case DomainSource.Import: return 1;
                case DomainSource.Learned: return 2;
                case DomainSource.Website: return 3;
                default: return 4;
            }
        }

        private static int Specificity(IList<string> names, string domain)
        {
            int index = names.IndexOf(domain);
            return index < 0 ? int.MaxValue : index;
        }
    }
}
