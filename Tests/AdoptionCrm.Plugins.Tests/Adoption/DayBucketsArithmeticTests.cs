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

    private static string Text(Dictionary<DateTime, (long P, long U, long I)> model) =>
        string.Join(";", model.Where(p => p.Value != (0, 0, 0)).OrderBy(p => p.Key).Select(p => $"{p.Key:yyyyMMdd}:{p.Value.P}:{p.Value.U}:{p.Value.I}"));
}
