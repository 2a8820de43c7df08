using System;

namespace AdoptionCrm.Plugins.Scoring
{
    /// <summary>
    /// One day of the ledger: the people whose latest signup is that day, and that day's usage and invitations.
    /// The people's hashes are kept as the stored text ("mark,mark,...", each <see cref="MarkLength"/> characters)
    /// and searched in place: a create touches one or two buckets, so splitting up to 10,000 hashes into
    /// strings on every create would be most of its cost.
    /// </summary>
    public sealed class LedgerBucket
    {
        /// <summary>Characters of one mark (<see cref="AdoptionLedger.Mark"/>: 64 bits in hex).</summary>
        public const int MarkLength = 16;
        private const int Stride = MarkLength + 1;
        private const char Separator = ',';

        public LedgerBucket(DateTime day) { Day = day; MarkText = ""; }
        public DateTime Day { get; private set; }

        /// <summary>Hashes of the people counted this day, comma-separated.</summary>
        public string MarkText { get; private set; }

        public int MarkCount => MarkText.Length == 0 ? 0 : (MarkText.Length + 1) / Stride;

        /// <summary>People counted this day without a hash (past the ledger's cap): approximate.</summary>
        public int Untracked { get; set; }

        public int People => MarkCount + Untracked;
        public long Usage { get; set; }
        public long Invitations { get; set; }
        public bool IsEmpty => People == 0 && Usage == 0 && Invitations == 0;

        /// <summary>A list of fixed-width marks as written by <see cref="MarkText"/>; anything else is not one.</summary>
        public static bool IsMarkList(string text)
        {
            if (text.Length == 0 || (text.Length + 1) % Stride != 0) return false;
            for (int i = MarkLength; i < text.Length; i += Stride)
                if (text[i] != Separator) return false;
            return true;
        }

        /// <summary>Takes a stored list (checked with <see cref="IsMarkList"/>).</summary>
        public void SetMarkText(string text) { MarkText = text; }

        public bool Contains(string mark) => IndexOf(mark) >= 0;

        public void AddMark(string mark)
        {
            MarkText = MarkText.Length == 0 ? mark : MarkText + Separator + mark;
        }

        public void RemoveMark(string mark)
        {
            int at = IndexOf(mark);
            if (at < 0) return;
            if (MarkText.Length == MarkLength) MarkText = "";
            else if (at + MarkLength == MarkText.Length) MarkText = MarkText.Substring(0, at - 1);
            else MarkText = MarkText.Remove(at, Stride);
        }

        // Only a match at a mark's start counts (a hash can occur across the boundary of two others).
        private int IndexOf(string mark)
        {
            if (mark.Length != MarkLength) return -1;
            int from = 0;
            while (from < MarkText.Length)
            {
                int at = MarkText.IndexOf(mark, from, StringComparison.Ordinal);
                if (at < 0) return -1;
                if (at % Stride == 0) return at;
                from = at + 1;
            }
            return -1;
        }
    }
}
