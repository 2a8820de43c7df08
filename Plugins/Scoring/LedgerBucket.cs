using System;
using System.Collections.Generic;

namespace AdoptionCrm.Plugins.Scoring
{
    /// <summary>One day of the ledger: the people whose latest signup is that day, and that day's usage and invitations.</summary>
    public sealed class LedgerBucket
    {
        public LedgerBucket(DateTime day) { Day = day; }
        public DateTime Day { get; private set; }

        /// <summary>Hashes of the people counted this day (<see cref="AdoptionLedger.Mark"/>).</summary>
        public List<string> Marks { get; } = new List<string>();

        /// <summary>People counted this day without a hash (past the ledger's cap): approximate.</summary>
        public int Untracked { get; set; }

        public int People => Marks.Count + Untracked;
        public long Usage { get; set; }
        public long Invitations { get; set; }
        public bool IsEmpty => People == 0 && Usage == 0 && Invitations == 0;
    }
}
