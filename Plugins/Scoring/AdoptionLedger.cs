using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AdoptionCrm.Plugins.Scoring
{
    /// <summary>
    /// The account's adoption ledger: one bucket per signup day inside the window, holding the number of
    /// distinct people whose latest signup at this account is that day, and the usage and invitations
    /// that day's signups carried. Its size is bounded by the window, never by the number of leads, so
    /// updating it costs the same for an account with 10 leads or 100,000.
    /// Text form (adopt_adoptionledger): "yyyy-MM-dd:people:usage:invitations;...|yyyy-MM-dd:mark,mark" oldest first,
    /// then the people counted on the latest day (see _marked).
    /// </summary>
    public sealed class AdoptionLedger
    {
        private const string DayFormat = "yyyy-MM-dd";
        private const char MarkSeparator = '|';
        private readonly SortedDictionary<DateTime, LedgerBucket> _buckets = new SortedDictionary<DateTime, LedgerBucket>();

        // The people counted on the latest signup day, as 64-bit hashes of their normalised email. Two
        // signups of one person inside one CreateMultiple see each other before either is counted; this
        // tells "already counted today" from "a sibling not counted yet". Bounded by one day's signups.
        private DateTime? _markDay;
        private readonly HashSet<string> _marked = new HashSet<string>(StringComparer.Ordinal);

        public IEnumerable<LedgerBucket> Buckets => _buckets.Values;

        /// <summary>Distinct adopters counted in the ledger.</summary>
        public int People => _buckets.Values.Sum(b => b.People);

        public long Usage => _buckets.Values.Sum(b => b.Usage);
        public long Invitations => _buckets.Values.Sum(b => b.Invitations);

        /// <summary>Reads the stored text; unreadable entries are dropped (the ledger is derived data, and a rescore rebuilds it).</summary>
        public static AdoptionLedger Parse(string text)
        {
            var ledger = new AdoptionLedger();
            if (string.IsNullOrWhiteSpace(text)) return ledger;
            int bar = text.IndexOf(MarkSeparator);
            if (bar >= 0)
            {
                ledger.ParseMarks(text.Substring(bar + 1));
                text = text.Substring(0, bar);
            }
            foreach (string entry in text.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                string[] parts = entry.Split(':');
                DateTime day;
                int people;
                long usage, invitations;
                if (parts.Length != 4
                    || !DateTime.TryParseExact(parts[0], DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out day)
                    || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out people)
                    || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out usage)
                    || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out invitations))
                    continue;
                var bucket = ledger.Bucket(day);
                bucket.People += people;
                bucket.Usage += usage;
                bucket.Invitations += invitations;
            }
            return ledger;
        }

        public override string ToString()
        {
            var text = new StringBuilder();
            foreach (var bucket in _buckets.Values)
            {
                if (bucket.IsEmpty) continue;
                if (text.Length > 0) text.Append(';');
                text.Append(bucket.Day.ToString(DayFormat, CultureInfo.InvariantCulture)).Append(':')
                    .Append(bucket.People.ToString(CultureInfo.InvariantCulture)).Append(':')
                    .Append(bucket.Usage.ToString(CultureInfo.InvariantCulture)).Append(':')
                    .Append(bucket.Invitations.ToString(CultureInfo.InvariantCulture));
            }
            if (_markDay.HasValue && _marked.Count > 0)
                text.Append(MarkSeparator).Append(_markDay.Value.ToString(DayFormat, CultureInfo.InvariantCulture)).Append(':')
                    .Append(string.Join(",", _marked.OrderBy(m => m, StringComparer.Ordinal)));
            return text.ToString();
        }

        /// <summary>The first day inside a window of windowDays ending today (today counts as day 1).</summary>
        public static DateTime WindowStart(DateTime nowUtc, int windowDays) => nowUtc.Date.AddDays(1 - windowDays);

        /// <summary>Drops the buckets that aged out of the window.</summary>
        public void Prune(DateTime windowStart)
        {
            foreach (var day in _buckets.Keys.Where(d => d < windowStart).ToList()) _buckets.Remove(day);
            if (_markDay.HasValue && _markDay.Value < windowStart) { _markDay = null; _marked.Clear(); }
        }

        public bool InWindow(DateTime day, DateTime windowStart) => day.Date >= windowStart;

        /// <summary>
        /// A signup of one person. previousLatestDay is the day of that person's latest other lead at the
        /// account (null if none): the person moves to the later of the two days, or is added.
        /// </summary>
        public void AddSignup(string personKey, DateTime day, DateTime? previousLatestDay, long usage, long invitations, DateTime windowStart)
        {
            day = day.Date;
            string mark = Mark(personKey);
            if (InWindow(day, windowStart))
            {
                var bucket = Bucket(day);
                bucket.Usage += Math.Max(0, usage);
                bucket.Invitations += Math.Max(0, invitations);
            }
            DateTime? previous = previousLatestDay.HasValue ? previousLatestDay.Value.Date : (DateTime?)null;
            if (_markDay == day && _marked.Contains(mark)) return;  // counted today already
            if (previous.HasValue && previous.Value > day) return;   // counted on a later day
            // Same day, not marked: on the mark day the other lead is an uncounted sibling; on an older day it was counted.
            if (previous.HasValue && previous.Value == day && _markDay != day) return;
            if (previous.HasValue && previous.Value < day) TakePerson(previous.Value);
            if (!InWindow(day, windowStart)) return;
            Bucket(day).People += 1;
            if (!_markDay.HasValue || day > _markDay.Value) { _markDay = day; _marked.Clear(); }
            if (_markDay == day) _marked.Add(mark);
        }

        /// <summary>
        /// A signup leaving the account (deleted, disqualified, moved). remainingLatestDay is the person's
        /// latest remaining counted signup at the account (null if none).
        /// </summary>
        public void RemoveSignup(string personKey, DateTime day, DateTime? remainingLatestDay, long usage, long invitations, DateTime windowStart)
        {
            day = day.Date;
            LedgerBucket bucket;
            if (_buckets.TryGetValue(day, out bucket))
            {
                bucket.Usage = Math.Max(0, bucket.Usage - Math.Max(0, usage));
                bucket.Invitations = Math.Max(0, bucket.Invitations - Math.Max(0, invitations));
            }
            DateTime? remaining = remainingLatestDay.HasValue ? remainingLatestDay.Value.Date : (DateTime?)null;
            if (remaining.HasValue && remaining.Value >= day) return; // the person is counted on the remaining signup's day already
            TakePerson(day);
            if (_markDay == day) _marked.Remove(Mark(personKey));
            if (remaining.HasValue && InWindow(remaining.Value, windowStart)) Bucket(remaining.Value).People += 1;
        }

        /// <summary>A stable 64-bit FNV-1a hash of the normalised email, in hex: the ledger never stores addresses.</summary>
        public static string Mark(string personKey)
        {
            ulong hash = 14695981039346656037UL;
            foreach (char ch in personKey ?? "")
            {
                hash ^= ch;
                hash *= 1099511628211UL;
            }
            return hash.ToString("x16", CultureInfo.InvariantCulture);
        }

        private void ParseMarks(string text)
        {
            int colon = text.IndexOf(':');
            DateTime day;
            if (colon <= 0 || !DateTime.TryParseExact(text.Substring(0, colon), DayFormat, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out day)) return;
            _markDay = day.Date;
            foreach (string mark in text.Substring(colon + 1).Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)) _marked.Add(mark);
        }

        private void TakePerson(DateTime day)
        {
            LedgerBucket bucket;
            if (_buckets.TryGetValue(day, out bucket) && bucket.People > 0) bucket.People -= 1;
        }

        private LedgerBucket Bucket(DateTime day)
        {
            LedgerBucket bucket;
            if (!_buckets.TryGetValue(day.Date, out bucket))
            {
                bucket = new LedgerBucket(day.Date);
                _buckets.Add(day.Date, bucket);
            }
            return bucket;
        }
    }
}
