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
        public static DayBuckets Parse(string text)
        {
            var buckets = new DayBuckets();
            if (string.IsNullOrEmpty(text)) return buckets;
            var c = CultureInfo.InvariantCulture;
            foreach (string item in text.Split(new[] { BucketSeparator }, StringSplitOptions.RemoveEmptyEntries))
            {
                string[] f = item.Split(FieldSeparator);
                DateTime day;
                long people, usage, invitations;
                if (f.Length != 4 || !DateTime.TryParseExact(f[0], DayFormat, c, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out day)
                    || !long.TryParse(f[1], NumberStyles.Integer, c, out people) || !long.TryParse(f[2], NumberStyles.Integer, c, out usage)
                    || !long.TryParse(f[3], NumberStyles.Integer, c, out invitations))
                    continue;
                buckets.Add(new DayBucket(DateTime.SpecifyKind(day, DateTimeKind.Utc), people, usage, invitations), 1);
            }
            return buckets;
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
