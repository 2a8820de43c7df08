using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AdoptionCrm.Plugins.Scoring
{
    /// <summary>
    /// The account's adoption ledger: one bucket per signup day inside the window, holding the distinct
    /// people whose latest signup at this account is that day (as hashes, see <see cref="Mark"/>), and the
    /// usage and invitations that day's signups carried. "New or returning" is decided from the ledger
    /// alone, under the account's row lock: no read of the account's leads, so a create costs the same for
    /// an account with 10 leads or 100,000. The ledger is bounded: the window bounds the buckets and
    /// <see cref="TrackedPeopleCap"/> the hashes; people past the cap are counted per signup (approximate).
    /// Text form (adopt_adoptionledger), oldest day first:
    /// "yyyy-MM-dd:people:usage:invitations:mark,mark;..." where people ≥ the marks listed; the extra are
    /// counted but not tracked; then "#" and the <see cref="RecentAdopters"/>.
    /// The earlier form ("day:people:usage:invitations;...|day:mark,mark") still reads.
    /// </summary>
    public sealed class AdoptionLedger
    {
        /// <summary>
        /// People tracked by hash at most. Far above where the stage (15) and the score saturate; 10,000
        /// hashes of 16 characters keep the text near 170,000 characters, under the column's 1,048,576.
        /// </summary>
        public const int TrackedPeopleCap = 10000;

        private const string DayFormat = "yyyy-MM-dd";
        private const char EntrySeparator = ';';
        private const char FieldSeparator = ':';
        private const char OldMarkSeparator = '|';
        private const char RecentSeparator = '#';
        private static readonly string EntrySeparatorText = EntrySeparator.ToString();
        private static readonly string FieldSeparatorText = FieldSeparator.ToString();
        private static readonly string RecentSeparatorText = RecentSeparator.ToString();

        private readonly SortedDictionary<DateTime, LedgerBucket> _buckets = new SortedDictionary<DateTime, LedgerBucket>();

        public IEnumerable<LedgerBucket> Buckets => _buckets.Values;

        /// <summary>The latest people to sign up, for a stage task.</summary>
        public RecentAdopters Recent { get; private set; } = new RecentAdopters();

        /// <summary>Distinct adopters counted in the ledger (approximate when <see cref="IsApproximate"/>).</summary>
        public int People => _buckets.Values.Sum(b => b.People);

        public long Usage => _buckets.Values.Sum(b => b.Usage);
        public long Invitations => _buckets.Values.Sum(b => b.Invitations);

        /// <summary>People tracked by hash.</summary>
        public int TrackedPeople => _buckets.Values.Sum(b => b.MarkCount);

        /// <summary>
        /// Some people are counted without a hash (past the cap, or from a ledger written before hashes were
        /// kept per day): one of them signing up again may be counted twice.
        /// </summary>
        public bool IsApproximate => _buckets.Values.Any(b => b.Untracked > 0);

        /// <summary>Reads the stored text; unreadable entries are dropped (the ledger is derived data, and a rescore rebuilds it).</summary>
        /// <remarks>
        /// Walks the text by index rather than splitting it: at the cap it is ~170,000 characters, and every
        /// whole copy of it is a large-object allocation on each create. Only the bucket lists are copied.
        /// </remarks>
        public static AdoptionLedger Parse(string text)
        {
            var ledger = new AdoptionLedger();
            if (string.IsNullOrWhiteSpace(text)) return ledger;
            int limit = text.IndexOf(RecentSeparator);
            if (limit >= 0) ledger.Recent = RecentAdopters.Parse(text.Substring(limit + 1));
            else limit = text.Length;
            int bar = text.IndexOf(OldMarkSeparator, 0, limit);
            string oldMarks = bar >= 0 ? text.Substring(bar + 1, limit - bar - 1) : null;
            if (bar >= 0) limit = bar;
            for (int start = 0; start < limit;)
            {
                int end = text.IndexOf(EntrySeparator, start, limit - start);
                if (end < 0) end = limit;
                ledger.ParseEntry(text, start, end);
                start = end + 1;
            }
            if (oldMarks != null) ledger.ParseOldMarks(oldMarks);
            return ledger;
        }

        // "day:people:usage:invitations[:marks]" between start and end.
        private void ParseEntry(string text, int start, int end)
        {
            var fields = new string[4];
            int at = start;
            for (int i = 0; i < 4; i++)
            {
                int colon = at <= end ? text.IndexOf(FieldSeparator, at, end - at) : -1;
                if (colon < 0 && i < 3) return;
                int fieldEnd = colon < 0 ? end : colon;
                fields[i] = text.Substring(at, fieldEnd - at);
                at = fieldEnd + 1;
            }
            DateTime day;
            int people;
            long usage, invitations;
            if (!TryParseDay(fields[0], out day)
                || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out people)
                || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out usage)
                || !long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out invitations))
                return;
            var bucket = Bucket(day);
            bucket.Untracked += people;
            bucket.Usage += usage;
            bucket.Invitations += invitations;
            if (at < end) ParseMarks(bucket, text.Substring(at, end - at));
        }

        /// <remarks>One concatenation: the text is allocated once, at its final length.</remarks>
        public override string ToString()
        {
            var pieces = new List<string>(_buckets.Count * 10 + 2);
            foreach (var bucket in _buckets.Values)
            {
                if (bucket.IsEmpty) continue;
                if (pieces.Count > 0) pieces.Add(EntrySeparatorText);
                pieces.Add(bucket.Day.ToString(DayFormat, CultureInfo.InvariantCulture) + FieldSeparator
                    + bucket.People.ToString(CultureInfo.InvariantCulture) + FieldSeparator
                    + bucket.Usage.ToString(CultureInfo.InvariantCulture) + FieldSeparator
                    + bucket.Invitations.ToString(CultureInfo.InvariantCulture));
                if (bucket.MarkCount > 0) { pieces.Add(FieldSeparatorText); pieces.Add(bucket.MarkText); }
            }
            string recent = Recent.ToString();
            if (recent.Length > 0) { pieces.Add(RecentSeparatorText); pieces.Add(recent); }
            return string.Concat(pieces);
        }

        /// <summary>The first day inside a window of windowDays ending today (today counts as day 1).</summary>
        public static DateTime WindowStart(DateTime nowUtc, int windowDays) => nowUtc.Date.AddDays(1 - windowDays);

        /// <summary>Drops the buckets that aged out of the window, with the people counted in them.</summary>
        public void Prune(DateTime windowStart)
        {
            foreach (var day in _buckets.Keys.Where(d => d < windowStart).ToList()) _buckets.Remove(day);
        }

        public bool InWindow(DateTime day, DateTime windowStart) => day.Date >= windowStart;

        /// <summary>
        /// A signup of one person, decided from the ledger alone: a person tracked on an earlier day moves to
        /// this day (count unchanged); one tracked on this day or later stays; anyone else is new in the
        /// window (count + 1). Under the account's lock this also settles concurrent duplicates of one person.
        /// </summary>
        public void AddSignup(string personKey, DateTime day, long usage, long invitations, DateTime windowStart, Guid? leadId = null)
        {
            day = day.Date;
            if (!InWindow(day, windowStart)) return;
            var bucket = Bucket(day);
            bucket.Usage += Math.Max(0, usage);
            bucket.Invitations += Math.Max(0, invitations);
            string mark = Mark(personKey);
            LedgerBucket tracked = TrackedIn(mark);
            // A repeat on the person's day (or an older signup) changes nothing, not even the recent list: no write.
            if (tracked != null && tracked.Day >= day) return;
            if (leadId.HasValue) Recent.Note(mark, leadId.Value);
            if (tracked != null) MoveMark(mark, tracked, day);
            else CountNew(mark, day);
        }

        /// <summary>
        /// A signup leaving the account (deleted, disqualified, moved). remainingLatestDay is the person's
        /// latest remaining counted signup at the account (null if none), read under the lock by the caller.
        /// </summary>
        public void RemoveSignup(string personKey, DateTime day, DateTime? remainingLatestDay, long usage, long invitations, DateTime windowStart, Guid? leadId = null)
        {
            day = day.Date;
            if (leadId.HasValue) Recent.Forget(leadId.Value);
            LedgerBucket bucket;
            if (_buckets.TryGetValue(day, out bucket))
            {
                bucket.Usage = Math.Max(0, bucket.Usage - Math.Max(0, usage));
                bucket.Invitations = Math.Max(0, bucket.Invitations - Math.Max(0, invitations));
            }
            DateTime? remaining = remainingLatestDay.HasValue && InWindow(remainingLatestDay.Value, windowStart)
                ? remainingLatestDay.Value.Date : (DateTime?)null;
            string mark = Mark(personKey);
            LedgerBucket tracked = TrackedIn(mark);
            if (tracked != null)
            {
                // Tracked: the person now counts on their remaining latest day, or not at all.
                if (remaining.HasValue) { if (remaining.Value != tracked.Day) MoveMark(mark, tracked, remaining.Value); }
                else tracked.RemoveMark(mark);
                return;
            }
            // Untracked (past the cap, or an old ledger): the counts alone, as the removed day says.
            if (remainingLatestDay.HasValue && remainingLatestDay.Value.Date >= day) return;
            if (_buckets.TryGetValue(day, out bucket) && bucket.Untracked > 0) bucket.Untracked -= 1;
            if (remaining.HasValue) CountNew(mark, remaining.Value);
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

        // The bucket holding the person's hash: a search of at most windowDays stored lists, no parse of them.
        private LedgerBucket TrackedIn(string mark)
        {
            foreach (var bucket in _buckets.Values)
                if (bucket.Contains(mark)) return bucket;
            return null;
        }

        private void CountNew(string mark, DateTime day)
        {
            var bucket = Bucket(day);
            if (TrackedPeople < TrackedPeopleCap) bucket.AddMark(mark);
            else bucket.Untracked += 1; // past the cap: counted, not tracked (approximate, said in the score's explanation)
        }

        private void MoveMark(string mark, LedgerBucket from, DateTime to)
        {
            from.RemoveMark(mark);
            Bucket(to).AddMark(mark);
        }

        // Marks listed with a bucket: the people counted there, as many as the count says. A list that is not
        // one (damaged text) is dropped: its people stay counted, untracked.
        private static void ParseMarks(LedgerBucket bucket, string list)
        {
            if (!LedgerBucket.IsMarkList(list)) return;
            int marks = (list.Length + 1) / (LedgerBucket.MarkLength + 1);
            bucket.SetMarkText(list);
            bucket.Untracked = Math.Max(0, bucket.Untracked - marks);
        }

        // The earlier form kept marks for the latest day only: they become that day's tracked people.
        private void ParseOldMarks(string text)
        {
            int colon = text.IndexOf(FieldSeparator);
            DateTime day;
            LedgerBucket bucket;
            if (colon <= 0 || !TryParseDay(text.Substring(0, colon), out day) || !_buckets.TryGetValue(day, out bucket)) return;
            ParseMarks(bucket, text.Substring(colon + 1));
        }

        private static bool TryParseDay(string text, out DateTime day)
        {
            bool ok = DateTime.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out day);
            day = day.Date;
            return ok;
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
