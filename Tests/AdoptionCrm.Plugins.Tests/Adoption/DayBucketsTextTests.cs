using AdoptionCrm.Plugins.Adoption;
using CsCheck;

namespace AdoptionCrm.Plugins.Tests.Adoption;

public class DayBucketsTextTests
{
    [Fact]
    public void Buckets_written_as_text_read_back_the_same_whatever_their_days_and_signed_counts()
    {
        var bucket = Gen.Select(Gen.Int[0, 3_000_000], Gen.Long[-1_000_000_000_000, 1_000_000_000_000], Gen.Long[-5_000, 5_000], Gen.Long[-5_000, 5_000],
            (days, people, usage, invitations) => new DayBucket(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(days % 3000), people, usage, invitations));
        bucket.Array[0, 40].Sample(items =>
        {
            var buckets = new DayBuckets();
            foreach (var item in items) buckets.Add(item, 1);
            var text = buckets.ToString();
            Assert.Equal(text, DayBuckets.Parse(text).ToString());
        });
    }

    [Fact]
    public void Days_come_back_as_utc_dates_with_their_counts()
    {
        var bucket = Assert.Single(DayBuckets.Parse("20240229:3:-12:0").Buckets);
        Assert.Equal(new DateTime(2024, 2, 29, 0, 0, 0, DateTimeKind.Utc), bucket.Day);
        Assert.Equal(DateTimeKind.Utc, bucket.Day.Kind);
        Assert.Equal((3L, -12L, 0L), (bucket.People, bucket.Usage, bucket.Invitations));
    }

    [Theory]
    [InlineData("20250230:1:1:1")]      // no such day
    [InlineData("20251301:1:1:1")]      // no such month
    [InlineData("00000101:1:1:1")]      // year 0
    [InlineData("2025031:1:1:1")]       // seven-digit day
    [InlineData("2025-03-01:1:1:1")]
    [InlineData("20250301:1:1")]        // three fields
    [InlineData("20250301:1:1:1:1")]    // five fields
    [InlineData("20250301:1::1")]       // an empty count
    [InlineData("20250301:x:1:1")]
    [InlineData("20250301:1:1:-")]
    [InlineData("20250301:+1:1:1")]     // only what ToString writes: digits with an optional minus
    [InlineData("20250301:1:1:1234567890123456789")] // past 18 digits
    public void A_malformed_bucket_is_dropped_and_the_others_are_kept(string bad)
    {
        var buckets = DayBuckets.Parse("20250228:2:5:1;" + bad + ";;20250302:1:0:0");
        Assert.Equal("20250228:2:5:1;20250302:1:0:0", buckets.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(";;;")]
    public void No_text_is_no_buckets(string? text) => Assert.True(DayBuckets.Parse(text!).IsEmpty);
}
