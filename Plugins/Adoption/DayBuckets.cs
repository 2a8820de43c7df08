using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// Per-day sums over the window: a company's buckets hold each counted person once, on the day of their
    /// latest signup; an account's hold the sum of its companies'. Integers only, so adding and removing
    /// contributions in any order gives exactly what a rebuild computes. Bounded by the window (one bucket per
    /// day at most), never by the number of people. Days that leave the window are dropped at every write.
    /// Text: "yyyyMMdd:people:usage:invitations" joined by ';', oldest first. A delta (what a change adds to an
    /// account) uses the same text with signed numbers.
    /// </summary>
    public sealed class DayBuckets
    {
        private const char BucketSeparator = ';';
        private const char FieldSeparator = ':';
        private const string DayFormat = "yyyyMMdd";
        // A sorted list rather than a tree: at most one bucket per day of the window, and signups mostly add to the
        // newest day (the end of the list) while the window drops the oldest.
        private readonly SortedList<DateTime, DayBucket> _days = new SortedList<DateTime, DayBucket>();

        public IEnumerable<DayBucket> Buckets => _days.Values;

        /// <summary>How many days hold something.</summary>
        public int Count => _days.Count;
        public bool IsEmpty => _days.Count == 0;

        /// <summary>A day counts while it is one of the last <paramref name="windowDays"/> days up to today (later days too).</summary>
        public static bool InWindow(DateTime day, DateTime nowUtc, int windowDays) => day.Date > nowUtc.Date.AddDays(-Math.Max(1, windowDays));

        /// <summary>Stored buckets; a malformed bucket is dropped (the rebuild restores it).</summary>
        /// <remarks>Read by hand rather than with Split and DateTime.TryParseExact: every signup reads a company's and an account's buckets, up to one per day of the window.</remarks>
        public static DayBuckets Parse(string text)
        {
            var buckets = new DayBuckets();
            if (string.IsNullOrEmpty(text)) return buckets;
            var start = 0;
            while (start <= text.Length)
            {
                var end = text.IndexOf(BucketSeparator, start);
                if (end < 0) end = text.Length;
                if (end > start)
                {
                    var bucket = ReadBucket(text, start, end);
                    if (bucket != null) buckets.Add(bucket, 1);
                }
                start = end + 1;
            }
            return buckets;
        }

        // "yyyyMMdd:people:usage:invitations" between start and end; null when malformed.
        private static DayBucket ReadBucket(string text, int start, int end)
        {
            DateTime day;
            if (end - start < DayFormat.Length + 6 || text[start + DayFormat.Length] != FieldSeparator || !TryReadDay(text, start, out day)) return null;
            var at = start + DayFormat.Length + 1;
            long people, usage, invitations;
            if (!TryReadNumber(text, ref at, end, out people) || !TryReadNumber(text, ref at, end, out usage) || !TryReadNumber(text, ref at, end, out invitations)
                || at != end + 1)
                return null;
            return new DayBucket(day, people, usage, invitations);
        }

        private static bool TryReadDay(string text, int start, out DateTime day)
        {
            day = default(DateTime);
            int year = 0, month = 0, date = 0;
            for (var i = 0; i < DayFormat.Length; i++)
            {
                var digit = text[start + i] - '0';
                if (digit < 0 || digit > 9) return false;
                if (i < 4) year = year * 10 + digit; else if (i < 6) month = month * 10 + digit; else date = date * 10 + digit;
            }
            if (year < 1 || month < 1 || month > 12 || date < 1 || date > DateTime.DaysInMonth(year, month)) return false;
            day = new DateTime(year, month, date, 0, 0, 0, DateTimeKind.Utc);
            return true;
        }

        // One signed integer field ending at ':' or at end; moves past its separator.
        private static bool TryReadNumber(string text, ref int at, int end, out long value)
        {
            value = 0;
            var negative = at < end && text[at] == '-';
            var i = negative ? at + 1 : at;
            var digits = 0;
            for (; i < end && text[i] != FieldSeparator; i++, digits++)
            {
                var digit = text[i] - '0';
                if (digit < 0 || digit > 9 || digits >= 18) return false;
                value = value * 10 + digit;
            }
            if (digits == 0) return false;
            if (negative) value = -value;
            at = i + 1;
            return true;
        }

        public void Add(DayBucket bucket, int sign)
        {
            if (bucket == null) return;
            DayBucket current;
            // Buckets are immutable, so an added one can be kept as it is.
            var next = _days.TryGetValue(bucket.Day, out current) ? current.Plus(bucket, sign) : sign == 1 ? bucket : Empty(bucket.Day).Plus(bucket, sign);
            if (next.IsEmpty) _days.Remove(bucket.Day);
            else _days[bucket.Day] = next;
        }

        public void AddAll(DayBuckets other, int sign)
        {
            var buckets = other._days.Values;
            if (ReferenceEquals(other, this)) buckets = buckets.ToList();
            for (var i = 0; i < buckets.Count; i++) Add(buckets[i], sign);
        }

        /// <summary>Drops the days that left the window as of <paramref name="nowUtc"/>.</summary>
        public void Prune(DateTime nowUtc, int windowDays)
        {
            // Days out of the window are the oldest ones: a prefix of the sorted list.
            while (_days.Count > 0 && !InWindow(_days.Keys[0], nowUtc, windowDays)) _days.RemoveAt(0);
        }

        /// <summary>
        /// The days <see cref="Prune"/> would drop, oldest first: whose people leave the window. Days counting no people
        /// are listed too, so a counted row the buckets lost track of is still found.
        /// </summary>
        public List<DateTime> DaysLeaving(DateTime nowUtc, int windowDays)
        {
            var days = new List<DateTime>();
            for (var i = 0; i < _days.Count && !InWindow(_days.Keys[i], nowUtc, windowDays); i++) days.Add(_days.Keys[i]);
            return days;
        }

        private static DayBucket Empty(DateTime day) => new DayBucket(day, 0, 0, 0);

        public DayBuckets Copy()
        {
            var copy = new DayBuckets();
            copy.AddAll(this, 1);
            return copy;
        }

        /// <summary>this − <paramref name="before"/>: what a change adds (signed).</summary>
        public DayBuckets Minus(DayBuckets before)
        {
            var delta = Copy();
            delta.AddAll(before, -1);
            return delta;
        }

        public long People { get { long sum = 0; foreach (var b in _days.Values) sum += b.People; return sum; } }
        public long Usage { get { long sum = 0; foreach (var b in _days.Values) sum += b.Usage; return sum; } }
        public long Invitations { get { long sum = 0; foreach (var b in _days.Values) sum += b.Invitations; return sum; } }

        public override string ToString()
        {
            var c = CultureInfo.InvariantCulture;
            var text = new StringBuilder(_days.Count * 20);
            foreach (var b in _days.Values)
            {
                if (text.Length > 0) text.Append(BucketSeparator);
                AppendDay(text, b.Day);
                text.Append(FieldSeparator).Append(b.People.ToString(c)).Append(FieldSeparator)
                    .Append(b.Usage.ToString(c)).Append(FieldSeparator).Append(b.Invitations.ToString(c));
            }
            return text.ToString();
        }

        // yyyyMMdd by hand: the text is written on every signup, one day per bucket.
        private static void AppendDay(StringBuilder text, DateTime day)
        {
            int year = day.Year, month = day.Month, date = day.Day;
            text.Append((char)('0' + year / 1000)).Append((char)('0' + year / 100 % 10)).Append((char)('0' + year / 10 % 10)).Append((char)('0' + year % 10))
                .Append((char)('0' + month / 10)).Append((char)('0' + month % 10)).Append((char)('0' + date / 10)).Append((char)('0' + date % 10));
        }
    }
}
