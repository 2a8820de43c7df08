using System.Reflection;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Solution;

namespace AdoptionCrm.Engine.Tests;

/// <summary>The plugins' column constants and choice values hold to Solution/src, so a misspelling cannot pass.</summary>
public class ModelConstantsTests
{
    private static readonly SolutionSource Source = SolutionSource.LoadEmbedded();

    public static IEnumerable<object[]> OurColumns() =>
        new[] { typeof(AccountColumns), typeof(LeadColumns), typeof(AccountDomainColumns), typeof(DomainRuleColumns), typeof(AdoptionSettingsColumns), typeof(StageChangeColumns), typeof(TaskColumns) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(string) && f.Name != "EntityName")
                .Select(f => new object[] { (string)t.GetField("EntityName")!.GetValue(null)!, (string)f.GetValue(null)! }))
            .Where(row => ((string)row[1]).StartsWith("adopt_") || Source.Tables.Any(t => t.LogicalName == (string)row[0] && t.IsCustom));

    [Theory]
    [MemberData(nameof(OurColumns))]
    public void Every_constant_of_ours_is_a_column_in_the_solution_source(string table, string column)
    {
        var definition = Source.Table(table);
        var platform = new[] { "createdon", "modifiedon", "statecode" };
        Assert.True(definition.Columns.ContainsKey(column) || platform.Contains(column), $"{table}.{column} is not in Solution/src");
    }

    [Theory]
    [InlineData(typeof(AdoptionStage), "adopt_adoptionstage")]
    [InlineData(typeof(MatchOutcome), "adopt_matchoutcome")]
    [InlineData(typeof(MatchMethod), "adopt_matchmethod")]
    [InlineData(typeof(DomainSource), "adopt_domainsource")]
    [InlineData(typeof(RuleType), "adopt_ruletype")]
    public void Every_choice_enum_matches_its_option_set(Type enumType, string optionSet)
    {
        var options = Source.OptionSets.Single(o => o.Name == optionSet).Options.Select(o => o.Value).OrderBy(v => v);
        Assert.Equal(options, Enum.GetValues(enumType).Cast<int>().OrderBy(v => v));
    }

    [Fact]
    public void Every_stage_label_is_the_label_of_its_choice_option()
    {
        var options = Source.OptionSets.Single(o => o.Name == "adopt_adoptionstage").Options;
        Assert.Equal(options.Count, Enum.GetValues(typeof(AdoptionStage)).Length);
        foreach (var option in options)
            Assert.Equal(option.Label, StageLabels.Of((AdoptionStage)option.Value));
        Assert.Equal("Enterprise-ready", StageLabels.Of(AdoptionStage.EnterpriseReady));
    }
}
