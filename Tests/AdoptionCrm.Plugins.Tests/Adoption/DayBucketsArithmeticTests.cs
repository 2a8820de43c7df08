using AdoptionCrm.Plugins.Adoption;
using CsCheck;

namespace AdoptionCrm.Plugins.Tests.Adoption;

/// <summary>Adding, removing, copying and pruning buckets against a plain per-day sum: the order of changes never matters.</summary>
public class DayBucketsArithmeticTests
{
    private static readonly DateTime Start = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Gen<(int Day, long People, long Usage, long Invitations, int Sign)> Change =
        Gen.Select(Gen.Int[0, 90], Gen.Long[0, 3], Gen.Long[0, 50], Gen.Long[0, 5], Gen.Bool.Select(b => b ? 1 : -1));

    [Fact]
    public void Any_sequence_of_signed_changes_sums_per_day_and_drops_empty_days()
    {
        Gen.Select(Change.Array[0, 60], Gen.Int[0, 120], Gen.Int[1, 60]).Sample(t =>
        {
            var (changes, today, window) = t;
            var buckets = new DayBuckets();
            var model = new Dictionary<DateTime, (long P, long U, long I)>();
            foreach (var c in changes)
            {
                var day = Start.AddDays(c.Day);
                buckets.Add(new DayBucket(day, c.People, c.Usage, c.Invitations), c.Sign);
                var m = model.GetValueOrDefault(day);
                model[day] = (m.P + c.Sign * c.People, m.U + c.Sign * c.Usage, m.I + c.Sign * c.Invitations);
            }
            Assert.Equal(Text(model), buckets.ToString());
            Assert.Equal(model.Values.Sum(v => v.P), buckets.People);
            Assert.Equal(model.Values.Sum(v => v.U), buckets.Usage);
            Assert.Equal(model.Values.Sum(v => v.I), buckets.Invitations);

            // A copy and the difference with the original are independent of it.
            var copy = buckets.Copy();
            Assert.Equal(buckets.ToString(), copy.ToString());
            Assert.True(copy.Minus(buckets).IsEmpty);
            copy.AddAll(copy, 1);
            Assert.Equal(Text(model.ToDictionary(p => p.Key, p => (2 * p.Value.P, 2 * p.Value.U, 2 * p.Value.I))), copy.ToString());
            Assert.Equal(Text(model), buckets.ToString());

            var now = Start.AddDays(today).AddHours(13);
            buckets.Prune(now, window);
            Assert.Equal(Text(model.Where(p => DayBuckets.InWindow(p.Key, now, window)).ToDictionary(p => p.Key, p => p.Value)), buckets.ToString());
        });
    }

    [Fact]
    public void A_persons_change_is_exactly_the_difference_it_makes_to_pruned_buckets()
    {
        // Buckets as a company holds them, and one person moving from an old contribution to a new one (either absent,
        // either out of the window, on the same day or not): Change must equal prune(before − old + new) − before.
        var contribution = Gen.Select(Gen.Int[0, 120], Gen.Long[0, 40], Gen.Long[0, 4]).Select(c => new DayBucket(Start.AddDays(c.Item1), 1, c.Item2, c.Item3));
        var maybe = Gen.Frequency((1, Gen.Const((DayBucket?)null)), (4, contribution.Select(b => (DayBucket?)b)));
        Gen.Select(Change.Array[0, 40], maybe, maybe, Gen.Int[0, 150], Gen.Int[1, 90]).Sample(t =>
        {
            var (changes, old, now, today, window) = t;
            var clock = Start.AddDays(today).AddHours(9);
            var before = new DayBuckets();
            foreach (var c in changes) before.Add(new DayBucket(Start.AddDays(c.Day), c.People, c.Usage, c.Invitations), c.Sign);
            before.Prune(clock, window);

            var expected = before.Copy();
            expected.Add(old, -1);
            expected.Add(now, 1);
            expected.Prune(clock, window);

            var change = DayBuckets.Change(old, now, clock, window);
            Assert.Equal(expected.Minus(before).ToString(), change.ToString());
            var after = before.Copy();
            after.AddAll(change, 1);
            Assert.Equal(expected.ToString(), after.ToString());
            Assert.All(change.Buckets, b => Assert.True(DayBuckets.InWindow(b.Day, clock, window)));
        });
    }

    [Theory]
    [InlineData(7, "20250101:7:0:0")]
    [InlineData(-1, "20250101:-1:0:0")]
    [InlineData(long.MaxValue, "20250101:9223372036854775807:0:0")]
    [InlineData(long.MinValue, "20250101:-9223372036854775808:0:0")]
    [InlineData(1000000007, "20250101:1000000007:0:0")]
    public void Numbers_are_written_in_invariant_digits_whatever_their_size_or_sign(long people, string text)
    {
        // Swedish formats a negative number with U+2212, not '-'; the text must not follow the culture.
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("sv-SE");
        try { Assert.Equal(text, Written(people)); }
        finally { System.Globalization.CultureInfo.CurrentCulture = culture; }
    }

    private static string Written(long people)
    {
        var buckets = new DayBuckets();
        // Usage 1 keeps a zero-people bucket from being empty; it is then taken away again.
        buckets.Add(new DayBucket(Start, people, 1, 0), 1);
        buckets.Add(new DayBucket(Start, 0, 1, 0), -1);
        return buckets.ToString();
    }

    private static string Text(Dictionary<DateTime, (long P, long U, long I)> model) =>
        string.Join(";", model.Where(p => p.Value != (0, 0, 0)).OrderBy(p => p.Key).Select(p => $"{p.Key:yyyyMMdd}:{p.Value.P}:{p.Value.U}:{p.Value.I}"));
}
