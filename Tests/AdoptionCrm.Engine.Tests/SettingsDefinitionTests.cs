using System.Reflection;
using System.Xml.Linq;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using AdoptionCrm.Solution;
using AdoptionCrm.Solution.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Engine.Tests;

/// <summary>
/// The one settings definition (SettingsDefinition) holds to Solution/src: every setting is a column of
/// adopt_adoptionsettings of its kind, with the column's range and label and a field on the form, and
/// every column sales ops can set is a setting. What is derived from the definition (reader, text
/// hand-over, range checks) is then exercised for every setting, not a chosen few.
/// </summary>
public class SettingsDefinitionTests
{
    private static readonly SolutionSource Source = SolutionSource.LoadEmbedded();
    private static readonly TableDefinition Table = Source.Table(AdoptionSettingsColumns.EntityName);

    // Row bookkeeping, not settings: the key, the row's name, whether it is the active row, and the relink queue.
    private static readonly string[] NotSettings = { AdoptionSettingsColumns.Id, AdoptionSettingsColumns.Name, AdoptionSettingsColumns.IsActive,
        AdoptionSettingsColumns.RelinkDomains, AdoptionSettingsColumns.RelinkSince, AdoptionSettingsColumns.RebuildRequestedOn };

    public static IEnumerable<object[]> Settings() => SettingsDefinition.All.Select(s => new object[] { s.Column });

    private static Setting Of(string column) => SettingsDefinition.ByColumn(column)!;

    [Theory]
    [MemberData(nameof(Settings))]
    public void Each_setting_is_a_column_of_its_kind_range_and_label(string column)
    {
        var setting = Of(column);
        Assert.True(Table.Columns.TryGetValue(column, out var definition), $"{column} is not a column of {Table.LogicalName}");
        var expected = setting.Kind switch
        {
            SettingKind.Int => ColumnType.Integer,
            SettingKind.Decimal => ColumnType.Decimal,
            SettingKind.Bool => ColumnType.Boolean,
            SettingKind.DomainList => ColumnType.Memo,
            _ => ColumnType.Lookup,
        };
        Assert.Equal(expected, definition!.Type);
        Assert.Equal(definition.DisplayName, setting.Label);
        if (setting.Kind is SettingKind.Int or SettingKind.Decimal)
        {
            Assert.Equal(definition.MinValue, setting.Min);
            Assert.Equal(definition.MaxValue, setting.Max);
            Assert.Null(setting.RangeProblem(setting.Default));
        }
        if (setting.Kind == SettingKind.Lookup) Assert.Equal(new[] { setting.LookupTable }, definition.Targets);
    }

    [Fact]
    public void Every_setting_field_is_in_All_once_at_its_ordinal()
    {
        // AdoptionSettings keeps each value at the setting's ordinal: a setting left out of All would have none.
        var fields = typeof(SettingsDefinition).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(Setting)).Select(f => (Setting)f.GetValue(null)!).ToList();
        Assert.Equal(fields.Count, SettingsDefinition.All.Count);
        Assert.All(fields, f => Assert.Same(f, SettingsDefinition.All[f.Ordinal]));
    }

    [Fact]
    public void Every_column_sales_ops_can_set_is_in_the_definition()
    {
        var missing = Table.Columns.Values.Where(c => c.IsCustom && !NotSettings.Contains(c.LogicalName) && SettingsDefinition.ByColumn(c.LogicalName) == null)
            .Select(c => c.LogicalName).ToList();
        Assert.True(missing.Count == 0, "columns of adopt_adoptionsettings with no line in SettingsDefinition: " + string.Join(", ", missing));
        var constants = typeof(AdoptionSettingsColumns).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetValue(null)!).Where(c => c.StartsWith("adopt_") && c != AdoptionSettingsColumns.EntityName && !NotSettings.Contains(c));
        Assert.All(constants, c => Assert.NotNull(SettingsDefinition.ByColumn(c)));
    }

    [Fact]
    public void Every_setting_is_on_the_settings_form_and_names_are_unique()
    {
        var forms = Source.Files.Under("Entities/adopt_AdoptionSettings/FormXml/", ".xml").ToList();
        Assert.NotEmpty(forms);
        var onForm = forms.SelectMany(f => XDocument.Load(new MemoryStream(Source.Files.Read(f))).Descendants("control"))
            .Select(c => (string?)c.Attribute("datafieldname")).Where(n => n != null).ToHashSet();
        var missing = SettingsDefinition.All.Where(s => !onForm.Contains(s.Column)).Select(s => s.Column).ToList();
        Assert.True(missing.Count == 0, "settings with no field on the form: " + string.Join(", ", missing));
        Assert.Equal(SettingsDefinition.All.Count, SettingsDefinition.All.Select(s => s.JsonName).Distinct().Count());
        Assert.Equal(SettingsDefinition.All.Count, SettingsDefinition.All.Select(s => s.Column).Distinct().Count());
    }

    [Fact]
    public void Every_setting_survives_the_text_hand_over_with_a_value_other_than_its_default()
    {
        var row = new Entity(AdoptionSettingsColumns.EntityName, Guid.NewGuid());
        foreach (var s in SettingsDefinition.All) row[s.Column] = NotDefault(s);
        var written = AdoptionSettings.FromRow(row);
        var read = SettingsText.Read(SettingsText.Write(written))!;
        Assert.Equal(written.SettingsId, read.SettingsId);
        foreach (var s in SettingsDefinition.All)
        {
            Assert.NotEqual(Comparable(s.Default), Comparable(read[s]));
            Assert.Equal(Comparable(written[s]), Comparable(read[s]));
        }
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void A_number_outside_its_range_is_refused_naming_its_column(string column)
    {
        var setting = Of(column);
        if (setting.Kind is not (SettingKind.Int or SettingKind.Decimal)) return;
        object below = setting.Kind == SettingKind.Int ? (object)((int)setting.Min! - 1) : setting.Min!.Value - 1;
        var errors = SettingsValidator.Validate(AdoptionSettings.FromRow(new Entity(AdoptionSettingsColumns.EntityName) { [column] = below }));
        Assert.Contains(errors, e => e.StartsWith(column + ":"));
    }

    private static object NotDefault(Setting s) => s.Kind switch
    {
        SettingKind.Int => (int)s.Default! + 1,
        SettingKind.Decimal => (decimal)s.Default! + 0.5m,
        SettingKind.Bool => !(bool)s.Default!,
        SettingKind.DomainList => "example.com\nexample.org",
        _ => new EntityReference(s.LookupTable, Guid.NewGuid()),
    };

    private static string Comparable(object? value) => value switch
    {
        null => "null",
        IReadOnlyList<string> list => string.Join(",", list),
        EntityReference r => r.LogicalName + ":" + r.Id,
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };
}
