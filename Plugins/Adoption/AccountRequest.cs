using System;
using AdoptionCrm.Plugins.Settings;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// What an account Update carries in adopt_pendingchange: the change to its buckets that one company's
    /// transaction made (signed), or a rebuild from its companies. Sent only from inside a company's locked
    /// transaction, so the account's lock is always taken after a company's (the lock order).
    /// </summary>
    public sealed class AccountRequest
    {
        public bool Rebuild { get; set; }
        public DayBuckets Delta { get; set; }
        public AdoptionSettings Settings { get; set; }
        public DateTime RequestedOnUtc { get; set; }
    }
}
