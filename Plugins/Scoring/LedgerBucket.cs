using System;

namespace AdoptionCrm.Plugins.Scoring
{
    /// <summary>One day of the ledger.</summary>
    public sealed class LedgerBucket
    {
        public LedgerBucket(DateTime day) { Day = day; }
        public DateTime Day { get; private set; }
        public int People { get; set; }
        public long Usage { get; set; }
        public long Invitations { get; set; }
        public bool IsEmpty => People == 0 && Usage == 0 && Invitations == 0;
    }
}
