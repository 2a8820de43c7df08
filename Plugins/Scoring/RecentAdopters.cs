using System;
using System.Collections.Generic;
using System.Linq;

namespace AdoptionCrm.Plugins.Scoring
{
    /// <summary>
    /// The latest people to sign up at the account (newest first), as "mark.leadid" pairs kept in the ledger,
    /// so a task lists them by reading at most <see cref="Size"/> leads by id instead of ordering the
    /// account's leads by date (a read that grows with the account). One entry per person (their latest
    /// lead). A removed lead leaves the list without a replacement: the task then lists fewer people.
    /// </summary>
    public sealed class RecentAdopters
    {
        /// <summary>People a stage task lists.</summary>
        public const int Size = 15;
        private const char EntrySeparator = ',';
        private const char PairSeparator = '.';

        private readonly List<KeyValuePair<string, Guid>> _entries = new List<KeyValuePair<string, Guid>>();

        /// <summary>The listed leads, newest first.</summary>
        public IList<Guid> LeadIds => _entries.Select(e => e.Value).ToList();

        public static RecentAdopters Parse(string text)
        {
            var recent = new RecentAdopters();
            if (string.IsNullOrEmpty(text)) return recent;
            foreach (string entry in text.Split(new[] { EntrySeparator }, StringSplitOptions.RemoveEmptyEntries))
            {
                int dot = entry.IndexOf(PairSeparator);
                Guid lead;
                if (dot <= 0 || !Guid.TryParseExact(entry.Substring(dot + 1), "N", out lead)) continue;
                if (recent._entries.Count < Size) recent._entries.Add(new KeyValuePair<string, Guid>(entry.Substring(0, dot), lead));
            }
            return recent;
        }

        public override string ToString() =>
            string.Join(EntrySeparator.ToString(), _entries.Select(e => e.Key + PairSeparator + e.Value.ToString("N")));

        /// <summary>A signup: its person goes first with this lead, once.</summary>
        public void Note(string mark, Guid leadId)
        {
            _entries.RemoveAll(e => e.Key == mark);
            _entries.Insert(0, new KeyValuePair<string, Guid>(mark, leadId));
            if (_entries.Count > Size) _entries.RemoveRange(Size, _entries.Count - Size);
        }

        /// <summary>A lead that stopped counting here.</summary>
        public void Forget(Guid leadId) => _entries.RemoveAll(e => e.Value == leadId);
    }
}
