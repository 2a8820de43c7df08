using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// The optimistic path's writes for one person's request (CompanyRecompute.Plan): the company's changed columns
    /// (RowVersion = the company as read), the adopter's one write, and the counted account's change, either as its
    /// new summary columns (RowVersion = the account's versionnumber as read) or as the lock path's delta request.
    /// All of it is sent as one company Update with IfRowVersionMatches whose synchronous step writes the adopter and
    /// the account inside that Update's transaction: any refusal rolls back all three.
    /// </summary>
    public sealed class SignupPlan
    {
        public SignupPlan(Entity companyUpdate, AdopterWrite adopter, Guid? accountId, Entity accountUpdate, AccountRequest accountRequest, IReadOnlyList<DateTime> uncountDays = null)
        {
            UncountDays = uncountDays ?? NoDays;
            CompanyUpdate = companyUpdate;
            Adopter = adopter;
            AccountId = accountId;
            AccountUpdate = accountUpdate;
            AccountRequest = accountRequest;
        }

        public Entity CompanyUpdate { get; private set; }
        public AdopterWrite Adopter { get; private set; }
        public Guid? AccountId { get; private set; }

        /// <summary>The account's new summary columns, to write with IfRowVersionMatches; null when the account does not change.</summary>
        public Entity AccountUpdate { get; private set; }

        /// <summary>The same change as a delta for the account's lock (AccountAdoptionPlugin), used when the account's version is refused.</summary>
        public AccountRequest AccountRequest { get; private set; }

        private static readonly DateTime[] NoDays = new DateTime[0];

        /// <summary>
        /// The days whose buckets left the company's window since its last write (UTC dates), else empty. The
        /// company's counted adopters whose latest signup fell on them are uncounted in the same transaction
        /// (AgedOutAdopters), as the lock path does, so the company's people stay equal to its counted adopters.
        /// </summary>
        public IReadOnlyList<DateTime> UncountDays { get; private set; }

        /// <summary>The plan with the account's change sent to its lock instead of written against its version.</summary>
        public SignupPlan ThroughAccountLock() => new SignupPlan(CompanyUpdate, Adopter, AccountId, null, AccountRequest, UncountDays);
    }
}
