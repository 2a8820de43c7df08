using System;
using System.Collections.Generic;
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
        // One list sorted by day rather than a tree or a SortedList: at most one bucket per day of the window, signups
        // mostly add to the newest day (the end of the list) while the window drops the oldest, and a copy is one array
        // copy (buckets are immutable, so copies share them).
        private readonly List<DayBucket> _days;

        public DayBuckets() { _days = new List<DayBucket>(); }

        private DayBuckets(List<DayBucket> days) { _days = days; }

        public IEnumerable<DayBucket> Buckets => _days;

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
            int at = IndexOf(bucket.Day);
            if (at >= 0)
            {
                var next = _days[at].Plus(bucket, sign);
                if (next.IsEmpty) _days.RemoveAt(at);
                else _days[at] = next;
                return;
            }
            // Buckets are immutable, so an added one can be kept as it is.
            var added = sign == 1 ? bucket : Empty(bucket.Day).Plus(bucket, sign);
            if (!added.IsEmpty) _days.Insert(~at, added);
        }

        public void AddAll(DayBuckets other, int sign)
        {
            var buckets = ReferenceEquals(other, this) ? new List<DayBucket>(_days) : other._days;
            for (var i = 0; i < buckets.Count; i++) Add(buckets[i], sign);
        }

        /// <summary>
        /// What moving one person's contribution from <paramref name="old"/> to <paramref name="now"/> adds to buckets that
        /// hold only days in the window as of <paramref name="nowUtc"/>: the signed difference, with the days outside the
        /// window left out (a bucket there would be pruned at once). Either may be null (no contribution).
        /// </summary>
        public static DayBuckets Change(DayBucket old, DayBucket now, DateTime nowUtc, int windowDays)
        {
            var change = new DayBuckets(new List<DayBucket>(2));
            if (old != null && InWindow(old.Day, nowUtc, windowDays)) change.Add(old, -1);
            if (now != null && InWindow(now.Day, nowUtc, windowDays)) change.Add(now, 1);
            return change;
        }

        // The day's index, or the bitwise complement of where it would go (List.BinarySearch's convention). The newest day is
        // looked at first: most signups add to it or after it.
        private int IndexOf(DateTime day)
        {
            day = day.Date;
            int last = _days.Count - 1;
            if (last < 0) return ~0;
            int newest = day.CompareTo(_days[last].Day);
            if (newest == 0) return last;
            if (newest > 0) return ~(last + 1);
            int low = 0, high = last - 1;
            while (low <= high)
            {
                int mid = low + ((high - low) >> 1);
                int order = _days[mid].Day.CompareTo(day);
                if (order == 0) return mid;
                if (order < 0) low = mid + 1; else high = mid - 1;
            }
            return ~low;
        }

        /// <summary>Drops the days that left the window as of <paramref name="nowUtc"/>.</summary>
        public void Prune(DateTime nowUtc, int windowDays)
        {
            // Days out of the window are the oldest ones: a prefix of the sorted list.
            int leaving = 0;
            while (leaving < _days.Count && !InWindow(_days[leaving].Day, nowUtc, windowDays)) leaving++;
            if (leaving > 0) _days.RemoveRange(0, leaving);
        }

        /// <summary>
        /// The days <see cref="Prune"/> would drop, oldest first: whose people leave the window. Days counting no people
        /// are listed too, so a counted row the buckets lost track of is still found.
        /// </summary>
        public List<DateTime> DaysLeaving(DateTime nowUtc, int windowDays)
        {
            var days = new List<DateTime>();
            for (var i = 0; i < _days.Count && !InWindow(_days[i].Day, nowUtc, windowDays); i++) days.Add(_days[i].Day);
            return days;
        }

        private static DayBucket Empty(DateTime day) => new DayBucket(day, 0, 0, 0);

        public DayBuckets Copy() => new DayBuckets(new List<DayBucket>(_days));

        /// <summary>this − <paramref name="before"/>: what a change adds (signed).</summary>
        public DayBuckets Minus(DayBuckets before)
        {
            var delta = Copy();
            delta.AddAll(before, -1);
            return delta;
        }

        public long People { get { long sum = 0; for (var i = 0; i < _days.Count; i++) sum += _days[i].People; return sum; } }
        public long Usage { get { long sum = 0; for (var i = 0; i < _days.Count; i++) sum += _days[i].Usage; return sum; } }
        public long Invitations { get { long sum = 0; for (var i = 0; i < _days.Count; i++) sum += _days[i].Invitations; return sum; } }

        public override string ToString()
        {
            var text = new StringBuilder(_days.Count * 20);
            for (var i = 0; i < _days.Count; i++)
            {
                var b = _days[i];
                if (i > 0) text.Append(BucketSeparator);
                AppendDay(text, b.Day);
                AppendNumber(text.Append(FieldSeparator), b.People);
                AppendNumber(text.Append(FieldSeparator), b.Usage);
                AppendNumber(text.Append(FieldSeparator), b.Invitations);
            }
            return text.ToString();
        }

        // Digits by hand, '-' for a negative delta: StringBuilder.Append(long) on .NET Framework formats with the current culture.
        private static void AppendNumber(StringBuilder text, long value)
        {
            ulong magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
            if (value < 0) text.Append('-');
            ulong scale = 1;
            while (magnitude / scale >= 10) scale *= 10;
            for (; scale > 0; scale /= 10) text.Append((char)('0' + (int)(magnitude / scale % 10)));
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
