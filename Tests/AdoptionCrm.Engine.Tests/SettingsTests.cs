using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Engine.Tests;

public class SettingsTests
{
    private static string Refusal(Action save) => Assert.ThrowsAny<Exception>(save).Message;

    [Theory]
    [InlineData(AdoptionSettingsColumns.TeamThreshold, 1)]
    [InlineData(AdoptionSettingsColumns.SpreadingThreshold, 3)]
    [InlineData(AdoptionSettingsColumns.EnterpriseThreshold, 2)]
    [InlineData(AdoptionSettingsColumns.TaskCooldownDays, -1)]
    [InlineData(AdoptionSettingsColumns.TaskDueDays, -2)]
    public void An_invalid_settings_row_is_refused_naming_the_field(string column, int value)
    {
        var e = new EngineOrg();
        var message = Refusal(() => e.Settings(s => s[column] = value));
        Assert.Contains(column, message);
        Assert.Empty(e.Service.RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryExpression(AdoptionSettingsColumns.EntityName)).Entities);
    }

    [Fact]
    public void Negative_weights_and_a_zero_window_are_refused_by_the_plugin()
    {
        // The columns' own ranges (min 0 / min 1) would refuse these too; the validator's message names the field either way.
        Assert.Contains(AdoptionSettingsColumns.UsageWeight, SettingsValidator.Validate(Row(AdoptionSettingsColumns.UsageWeight, -1m)).Single());
        Assert.Contains(AdoptionSettingsColumns.WindowDays, SettingsValidator.Validate(Row(AdoptionSettingsColumns.WindowDays, 0)).Single());
        var e = new EngineOrg();
        Assert.ThrowsAny<Exception>(() => e.Settings(s => s[AdoptionSettingsColumns.WindowDays] = 0));
    }

    [Fact]
    public void Unknown_own_domain_syntax_is_refused_naming_the_field()
    {
        var e = new EngineOrg();
        var message = Refusal(() => e.Settings(s => s[AdoptionSettingsColumns.OwnDomains] = "adoptioncrm.com\nnot a domain!"));
        Assert.Contains(AdoptionSettingsColumns.OwnDomains, message);
    }

    [Fact]
    public void An_update_is_validated_against_the_row_it_changes()
    {
        var e = new EngineOrg();
        var id = e.Settings(s => { s[AdoptionSettingsColumns.TeamThreshold] = 4; s[AdoptionSettingsColumns.SpreadingThreshold] = 10; });
        var message = Refusal(() => e.Service.Update(new Entity(AdoptionSettingsColumns.EntityName, id) { [AdoptionSettingsColumns.SpreadingThreshold] = 4 }));
        Assert.Contains(AdoptionSettingsColumns.SpreadingThreshold, message);
        e.Service.Update(new Entity(AdoptionSettingsColumns.EntityName, id) { [AdoptionSettingsColumns.SpreadingThreshold] = 5 });
    }

    [Fact]
    public void Settings_row_thresholds_drive_the_stages_and_defaults_apply_without_a_row()
    {
        var e = new EngineOrg();
        var contoso = e.Account("Contoso", domains: "contoso.com");
        for (var i = 0; i < 3; i++) e.Lead($"p{i}@contoso.com");
        Assert.Equal(AdoptionStage.Team, e.Stage(contoso)); // defaults: Team at 3

        var custom = new EngineOrg();
        custom.Settings(s => { s[AdoptionSettingsColumns.TeamThreshold] = 5; s[AdoptionSettingsColumns.SpreadingThreshold] = 6; s[AdoptionSettingsColumns.EnterpriseThreshold] = 7; });
        var fabrikam = custom.Account("Fabrikam", domains: "fabrikam.com");
        for (var i = 0; i < 3; i++) custom.Lead($"p{i}@fabrikam.com");
        Assert.Equal(AdoptionStage.Individual, custom.Stage(fabrikam));
        for (var i = 3; i < 7; i++) custom.Lead($"p{i}@fabrikam.com");
        Assert.Equal(AdoptionStage.EnterpriseReady, custom.Stage(fabrikam));
    }

    [Fact]
    public void A_domain_rule_is_stored_in_canonical_form_and_a_non_domain_is_refused()
    {
        var e = new EngineOrg();
        var id = e.Service.Create(new Entity(DomainRuleColumns.EntityName) { [DomainRuleColumns.Name] = " @Contoso.COM ", [DomainRuleColumns.RuleType] = new OptionSetValue((int)RuleType.Exclude) });
        Assert.Equal("contoso.com", e.Service.Retrieve(DomainRuleColumns.EntityName, id, new Microsoft.Xrm.Sdk.Query.ColumnSet(DomainRuleColumns.Name))[DomainRuleColumns.Name]);
        Assert.Contains(DomainRuleColumns.Name, Refusal(() => e.Service.Create(new Entity(DomainRuleColumns.EntityName) { [DomainRuleColumns.Name] = "not a domain" })));
    }

    private static AdoptionSettings Row(string column, object value) =>
        AdoptionSettings.FromRow(new Entity(AdoptionSettingsColumns.EntityName) { [column] = value });
}
