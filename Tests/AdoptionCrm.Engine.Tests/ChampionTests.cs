using AdoptionCrm.Plugins.Plays;

namespace AdoptionCrm.Engine.Tests;

/// <summary>Who the rep calls first: title seniority first, then capped invitations and usage, then the earliest signup.</summary>
public class ChampionTests
{
    private static readonly DateTime Day = new(2025, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("Chief Technology Officer", 5)]
    [InlineData("CTO", 5)]
    [InlineData("Co-founder & CEO", 5)]
    [InlineData("Managing Director", 5)]
    [InlineData("VP Engineering", 4)]
    [InlineData("Vice President, Sales", 4)]
    [InlineData("Head of IT", 4)]
    [InlineData("Director of Operations", 3)]
    [InlineData("Engineering Manager", 2)]
    [InlineData("Tech Lead", 2)]
    [InlineData("Software Engineer", 1)]
    [InlineData("", 0)]
    [InlineData(null, 0)]
    public void Titles_read_by_seniority(string? title, int expected) => Assert.Equal(expected, TitleSeniority.Of(title!));

    [Fact]
    public void An_executive_beats_the_busiest_inviter_and_the_reason_says_so()
    {
        var people = new[]
        {
            Person("ivan@x.com", "Intern", invitations: 5000, usage: 10_000_000, day: 0),
            Person("carla@x.com", "CTO", invitations: 0, usage: 0, day: 5),
            Person("dana@x.com", "", invitations: 3, usage: 10, day: 1),
        };
        var champion = ChampionPicker.Pick(people)!;
        Assert.Equal("carla@x.com", champion.Person.Email);
        Assert.Equal("the most senior title among the 3 people here (CTO)", champion.Why);
    }

    [Fact]
    public void Among_equal_titles_invitations_and_usage_decide_within_their_caps()
    {
        var people = new[]
        {
            Person("a@x.com", "Engineer", invitations: 2, usage: 0, day: 0),
            Person("b@x.com", "Engineer", invitations: 12, usage: 900, day: 3),
        };
        var champion = ChampionPicker.Pick(people)!;
        Assert.Equal("b@x.com", champion.Person.Email);
        Assert.Equal("title Engineer; invited 12 colleagues, the most here; usage 900, the highest here", champion.Why);
        // Capped: 5,000 invitations count as 20, so one level of title (10 points) and 10 invitations match it.
        Assert.Equal(10 + ChampionPicker.InvitationCap, ChampionPicker.Points(Person("c@x.com", "Engineer", invitations: 5000, usage: 0, day: 0)));
    }

    [Fact]
    public void With_nothing_to_go_on_the_first_to_sign_up_is_the_champion()
    {
        var champion = ChampionPicker.Pick(new[] { Person("late@x.com", "", 0, 0, day: 9), Person("early@x.com", "", 0, 0, day: 2) })!;
        Assert.Equal("early@x.com", champion.Person.Email);
        Assert.StartsWith("signed up first, on 3 Mar 2025", champion.Why);
        Assert.Null(ChampionPicker.Pick(Array.Empty<PlayAdopter>()));
    }

    private static PlayAdopter Person(string email, string title, long invitations, long usage, int day) =>
        new(Guid.NewGuid(), email.Split('@')[0], email, title, usage, invitations, Day.AddDays(day), Day.AddDays(day));
}
