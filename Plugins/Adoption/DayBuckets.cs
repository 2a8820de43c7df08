using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

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
        private readonly SortedDictionary<DateTime, DayBucket> _days = new SortedDictionary<DateTime, DayBucket>();

        public IEnumerable<DayBucket> Buckets => _days.Values;
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
            var next = _days.TryGetValue(bucket.Day, out current) ? current.Plus(bucket, sign) : new DayBucket(bucket.Day, 0, 0, 0).Plus(bucket, sign);
            if (next.IsEmpty) _days.Remove(bucket.Day);
            else _days[bucket.Day] = next;
        }

        public void AddAll(DayBuckets other, int sign)
        {
            foreach (var bucket in other.Buckets.ToList()) Add(bucket, sign);
        }

        /// <summary>Drops the days that left the window as of <paramref name="nowUtc"/>.</summary>
        public void Prune(DateTime nowUtc, int windowDays)
        {
            foreach (var day in _days.Keys.Where(d => !InWindow(d, nowUtc, windowDays)).ToList()) _days.Remove(day);
        }

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

        public long People => _days.Values.Sum(b => b.People);
        public long Usage => _days.Values.Sum(b => b.Usage);
        public long Invitations => _days.Values.Sum(b => b.Invitations);

        public override string ToString()
        {
            var c = CultureInfo.InvariantCulture;
            return string.Join(BucketSeparator.ToString(), _days.Values.Select(b =>
                b.Day.ToString(DayFormat, c) + FieldSeparator + b.People.ToString(c) + FieldSeparator + b.Usage.ToString(c) + FieldSeparator + b.Invitations.ToString(c)));
        }
    }
}
