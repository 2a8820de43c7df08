using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Sdk.Tests.Behaviour;

/// <summary>ConditionOperator numbers travel over the wire and into FetchXML mapping; these are dataverse-facts.md §4
/// (checked against the official listing too, which the API-listing test enforces for every member).</summary>
public class ConditionOperatorValueTests
{
    [Theory]
    [InlineData(ConditionOperator.Equal, 0)]
    [InlineData(ConditionOperator.NotEqual, 1)]
    [InlineData(ConditionOperator.GreaterThan, 2)]
    [InlineData(ConditionOperator.LessThan, 3)]
    [InlineData(ConditionOperator.GreaterEqual, 4)]
    [InlineData(ConditionOperator.LessEqual, 5)]
    [InlineData(ConditionOperator.Like, 6)]
    [InlineData(ConditionOperator.NotLike, 7)]
    [InlineData(ConditionOperator.In, 8)]
    [InlineData(ConditionOperator.NotIn, 9)]
    [InlineData(ConditionOperator.Between, 10)]
    [InlineData(ConditionOperator.Null, 12)]
    [InlineData(ConditionOperator.NotNull, 13)]
    [InlineData(ConditionOperator.Today, 15)]
    [InlineData(ConditionOperator.Last7Days, 17)]
    [InlineData(ConditionOperator.On, 25)]
    [InlineData(ConditionOperator.OnOrBefore, 26)]
    [InlineData(ConditionOperator.OnOrAfter, 27)]
    [InlineData(ConditionOperator.LastXHours, 31)]
    [InlineData(ConditionOperator.LastXDays, 33)]
    [InlineData(ConditionOperator.NextXDays, 34)]
    [InlineData(ConditionOperator.EqualUserId, 41)]
    [InlineData(ConditionOperator.Contains, 49)]
    [InlineData(ConditionOperator.BeginsWith, 54)]
    [InlineData(ConditionOperator.EndsWith, 56)]
    // dataverse-facts.md §4 says 80, but the official assembly's listing has ContainValues = 87
    // (80 is EqualUserOrUserHierarchy); the assembly is the authority, so 87.
    [InlineData(ConditionOperator.ContainValues, 87)]
    public void Operator_has_its_official_number(ConditionOperator op, int expected)
    {
        Assert.Equal(expected, (int)op);
    }
}
