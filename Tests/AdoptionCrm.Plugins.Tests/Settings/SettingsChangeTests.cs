using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Tests.Settings;

/// <summary>What a save of the settings row asks of the data already there, per the settings definition.</summary>
public class SettingsChangeTests
{
    private static AdoptionSettings Row(Action<Entity>? set = null)
    {
        var row = new Entity(AdoptionSettingsColumns.EntityName, Guid.NewGuid());
        set?.Invoke(row);
        return AdoptionSettings.FromRow(row);
    }

    [Fact]
    public void Nothing_changed_asks_for_nothing()
    {
        var change = SettingsChange.Between(Row(r => r[AdoptionSettingsColumns.WindowDays] = 60), Row());
        Assert.Empty(change.ColumnsNeedingRebuild); // 60 is the default: the same value, whether typed or not
        Assert.Empty(change.ColumnsRelinkingAll);
        Assert.Empty(change.DomainsToRelink);
    }

    [Fact]
    public void Window_and_weights_ask_for_a_recompute_switches_and_subdomains_for_a_relink_of_every_lead()
    {
        var change = SettingsChange.Between(Row(), Row(r =>
        {
            r[AdoptionSettingsColumns.WindowDays] = 90;
            r[AdoptionSettingsColumns.UsageWeight] = 7m;
            r[AdoptionSettingsColumns.ExcludeFreeMail] = false;
            r[AdoptionSettingsColumns.KeepSubdomainsApart] = true;
            r[AdoptionSettingsColumns.TaskCooldownDays] = 10; // a play setting: nothing already there changes
        }));
        Assert.Equal(new[] { AdoptionSettingsColumns.WindowDays, AdoptionSettingsColumns.UsageWeight }, change.ColumnsNeedingRebuild);
        Assert.Equal(new[] { AdoptionSettingsColumns.ExcludeFreeMail, AdoptionSettingsColumns.KeepSubdomainsApart }, change.ColumnsRelinkingAll);
        Assert.Empty(change.DomainsToRelink);
    }

    [Fact]
    public void Own_domains_relink_only_the_domains_added_or_removed_in_their_canonical_form()
    {
        var before = Row(r => r[AdoptionSettingsColumns.OwnDomains] = "ourco.com\nold.io");
        Assert.Empty(SettingsChange.Between(before, Row(r => r[AdoptionSettingsColumns.OwnDomains] = "old.io, OURCO.com")).DomainsToRelink);
        var change = SettingsChange.Between(before, Row(r => r[AdoptionSettingsColumns.OwnDomains] = "ourco.com\nNew.IO"));
        Assert.Equal(new[] { "old.io", "new.io" }, change.DomainsToRelink);
        Assert.Empty(change.ColumnsRelinkingAll);
    }
}
