using AdoptionCrm.Plugins.Handover;

namespace AdoptionCrm.Plugins.Tests.Handover;

/// <summary>A hand-over's pairs read in place: values on demand, unescaped, the last of a repeated key, prefixed groups in order.</summary>
public class PairTextTests
{
    [Fact]
    public void Values_are_found_by_exact_key_and_unescaped()
    {
        var pairs = PairText.Read("kind=signupplan&adopter.adopt_name=s:A%26B%3Dc&adopterop=1&adopter=x&account=", '&', '=')!;
        Assert.Equal(5, pairs.Count);
        Assert.Equal("signupplan", pairs.Get("kind"));
        Assert.Equal("s:A&B=c", pairs.Get("adopter.adopt_name"));
        Assert.Equal("", pairs.Get("account"));
        Assert.True(pairs.Has("adopter"));
        Assert.Null(pairs.Get("adopt"));        // a key's prefix is not the key
        Assert.Null(pairs.Get("kindx"));
        Assert.False(pairs.Has("missing"));
    }

    [Fact]
    public void A_repeated_key_reads_as_its_last_value_alone_and_a_prefix_lists_its_pairs_in_order()
    {
        var pairs = PairText.Read("a.x=1&b=2&a.y=3&b=4&a.=5&a.x=6", '&', '=')!;
        Assert.Equal("4", pairs.Get("b"));
        Assert.Equal("6", pairs.Get("a.x"));
        Assert.Equal(new[] { ("y", "3"), ("x", "6") }, pairs.After("a.").Select(p => (p.Key, p.Value)));
        Assert.Empty(pairs.After("c."));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("novalue")]
    [InlineData("=empty key")]
    [InlineData("a=1&&b=2")]
    [InlineData("a=1&")]
    public void Empty_text_and_a_pair_without_a_key_or_an_equals_sign_read_as_nothing(string? text)
    {
        Assert.Null(PairText.Read(text!, '&', '='));
    }

    [Fact]
    public void A_plan_with_a_repeated_column_reads_that_columns_last_value()
    {
        var id = Guid.NewGuid();
        var pending = HandoverText.ReadPending($"kind=signupplan&adopterop=1&adopterid={id:N}&adopter.adopt_name=zz&adopter.adopt_name=s:Ann");
        Assert.False(pending.IsUnreadablePlan);
        Assert.Equal("Ann", pending.Plan.Adopter.Row["adopt_name"]);
        Assert.Equal(id, pending.Plan.Adopter.Row.Id);
    }
}
