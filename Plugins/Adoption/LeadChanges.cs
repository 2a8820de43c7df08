using System;
using System.Collections.Generic;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// The company requests one lead change makes: its signup leaves the person it counted for before and
    /// joins the person it counts for now (set or remove, keyed by the lead). Nothing when neither counts or
    /// nothing the adopter shows changed.
    /// </summary>
    public static class LeadChanges
    {
        /// <param name="linkedAccountBefore">The domain-linked account of the lead before the change: a removal that
        /// reaches a company not created yet (its jobs ran out of order) creates it linked as the first signup would.</param>
        public static IList<CompanyRequest> Between(LeadSignup before, LeadSignup after, Guid leadId, Guid? linkedAccountBefore, Guid? linkedAccountId, DateTime nowUtc)
        {
            var requests = new List<CompanyRequest>();
            if (before != null && after != null && before.SamePerson(after) && before.Entry.SameAs(after.Entry)) return requests;
            if (before != null && !before.SamePerson(after))
                requests.Add(new CompanyRequest { Kind = CompanyRequestKind.Person, Domain = before.Domain, Email = before.Email, LeadId = leadId, LinkedAccountId = linkedAccountBefore, RequestedOnUtc = nowUtc });
            if (after != null)
                requests.Add(new CompanyRequest
                {
                    Kind = CompanyRequestKind.Person, Domain = after.Domain, Email = after.Email, LeadId = leadId, Entry = after.Entry,
                    LinkedAccountId = linkedAccountId, RequestedOnUtc = nowUtc,
                });
            return requests;
        }
    }
}
