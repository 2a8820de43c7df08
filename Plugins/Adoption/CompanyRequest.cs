using System;
using AdoptionCrm.Plugins.Settings;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>What a company's engine step is asked to do, under the company's row lock.</summary>
    public enum CompanyRequestKind
    {
        /// <summary>Set or remove one signup of one person (the incremental path).</summary>
        Person = 1,
        /// <summary>Recompute the whole company from its leads (the rebuild).</summary>
        Rebuild = 2,
        /// <summary>
        /// Recompute the company as of now from its buckets (decay, window expiry) and mark the adopters
        /// who left the window as not counted: the daily recompute (DailyRecompute). No lead is read.
        /// </summary>
        Recompute = 3,
    }

    /// <summary>
    /// The request a company Update carries in adopt_pendingchange. The Update takes the company's row lock
    /// and the step applies the request inside it. It names a lead and its new state, never a delta, so
    /// applying it twice gives the same rows.
    /// </summary>
    public sealed class CompanyRequest
    {
        public CompanyRequestKind Kind { get; set; }
        public string Domain { get; set; }
        public string Email { get; set; }
        public Guid LeadId { get; set; }

        /// <summary>The lead's signup at this company; null removes the lead from the person.</summary>
        public SignupEntry Entry { get; set; }

        /// <summary>The account linking found for the domain (for a removal: before the change), used when the company row is created.</summary>
        public Guid? LinkedAccountId { get; set; }

        /// <summary>The settings the lead's pipeline read; null: the step reads them.</summary>
        public AdoptionSettings Settings { get; set; }

        /// <summary>Distinguishes two otherwise identical requests (a retried change still takes the lock).</summary>
        public DateTime RequestedOnUtc { get; set; }
    }
}
