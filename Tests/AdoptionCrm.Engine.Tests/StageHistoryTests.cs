using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Engine.Tests;

/// <summary>Every stage change is a row with its peak; a falling account reads as cooling, not as a quiet lower stage.</summary>
public class StageHistoryTests
{
    [Fact]
    public void Every_change_is_recorded_with_its_peak_and_a_fall_is_labelled_cooling()
    {
        var e = new EngineOrg();
        e.Settings(s => s[AdoptionSettingsColumns.WindowDays] = 10);
        var contoso = e.Account("Contoso", domains: "contoso.com");
        for (var i = 0; i < 8; i++)                                          // None → Individual → Team → Spreading
        {
            e.Lead($"a{i}@contoso.com");
            e.Org.Clock.Advance(TimeSpan.FromHours(1));
        }
        e.Org.Clock.Advance(TimeSpan.FromDays(11));
        e.Lead("b0@contoso.com");                                            // the eight aged out: Spreading → Individual
        Assert.Equal(AdoptionStage.Individual, e.Stage(contoso));

        var rows = Changes(e, contoso);
        Assert.Equal(new[] { "None→Individual", "Individual→Team", "Team→Spreading", "Spreading→Individual" },
            rows.Select(r => $"{Stage(r, StageChangeColumns.FromStage)}→{Stage(r, StageChangeColumns.ToStage)}"));
        Assert.Equal(new[] { false, false, false, true }, rows.Select(r => r.GetAttributeValue<bool>(StageChangeColumns.Cooling)));
        var fall = rows[^1];
        Assert.Equal(AdoptionStage.Spreading, Stage(fall, StageChangeColumns.PeakStage));
        Assert.Equal("Contoso: Spreading → Individual (cooling from Spreading)", fall.GetAttributeValue<string>(StageChangeColumns.Name));
        Assert.Equal(1, fall.GetAttributeValue<int>(StageChangeColumns.People));
        // The account keeps its peak, so the panel can say it is cooling rather than silently showing Individual.
        Assert.Equal(AdoptionStage.Spreading, (AdoptionStage)e.AccountRow(contoso).GetAttributeValue<OptionSetValue>(AccountColumns.PeakStage).Value);

        e.Org.Clock.Advance(TimeSpan.FromDays(11));
        var lonely = e.Lead("c0@contoso.com");
        e.Service.Delete(LeadColumns.EntityName, lonely);                    // no one left: Individual → None, the peak resets
        Assert.Equal(AdoptionStage.None, e.Stage(contoso));
        Assert.Equal(AdoptionStage.None, (AdoptionStage)e.AccountRow(contoso).GetAttributeValue<OptionSetValue>(AccountColumns.PeakStage).Value);
        Assert.True(Changes(e, contoso)[^1].GetAttributeValue<bool>(StageChangeColumns.Cooling));
    }

    private static List<Entity> Changes(EngineOrg e, Guid account)
    {
        var query = new QueryExpression(StageChangeColumns.EntityName) { ColumnSet = new ColumnSet(true) };
        query.Criteria.AddCondition(StageChangeColumns.AccountId, ConditionOperator.Equal, account);
        query.AddOrder(StageChangeColumns.ChangedOn, OrderType.Ascending);
        return e.Service.RetrieveMultiple(query).Entities.ToList();
    }

    private static AdoptionStage Stage(Entity row, string column) => (AdoptionStage)row.GetAttributeValue<OptionSetValue>(column).Value;
}
