using AdoptionCrm.Solution.Model;

namespace AdoptionCrm.Solution.Tests;

public class SolutionSourceReaderTests
{
    private static readonly SolutionSource Source = SolutionSource.Load(Repo.SourceDir);

    [Fact]
    public void Manifest_and_publisher_are_read()
    {
        Assert.Equal("AdoptionCrm", Source.UniqueName);
        Assert.True(SolutionSource.IsSolutionVersion(Source.Version));
        Assert.Equal("adopt", Source.Publisher.CustomizationPrefix);
        Assert.InRange(Source.Publisher.OptionValuePrefix, 10000, 99999);
    }

    [Fact]
    public void Custom_tables_are_custom_and_standard_tables_carry_only_our_columns()
    {
        foreach (var name in new[] { "adopt_adoptionsettings", "adopt_accountdomain", "adopt_domainrule" })
        {
            var table = Source.Table(name);
            Assert.True(table.IsCustom, name);
            Assert.Equal("adopt_name", table.PrimaryNameAttribute);
            Assert.Equal(name + "id", table.PrimaryIdAttribute);
        }
        foreach (var name in new[] { "account", "lead" })
        {
            var table = Source.Table(name);
            Assert.False(table.IsCustom);
            Assert.NotEmpty(table.Columns);
            Assert.All(table.Columns.Values, c => Assert.True(c.IsCustom && c.LogicalName.StartsWith("adopt_"), c.LogicalName));
        }
        Assert.Equal("fullname", Source.Table("lead").PrimaryNameAttribute);
    }

    [Fact]
    public void Column_details_reach_the_model()
    {
        var lead = Source.Table("lead");
        Assert.Equal(ColumnType.String, lead.Columns["adopt_emaildomain"].Type);
        Assert.Equal(253, lead.Columns["adopt_emaildomain"].MaxLength);
        Assert.Equal(320, lead.Columns["adopt_normalizedemail"].MaxLength);
        var outcome = lead.Columns["adopt_matchoutcome"];
        Assert.Equal("adopt_matchoutcome", outcome.OptionSetName);
        Assert.Equal(10, outcome.Options.Count);
        Assert.All(outcome.Options, o => Assert.Equal(Source.Publisher.OptionValuePrefix, o.Value / 10000));

        var account = Source.Table("account");
        Assert.Equal(0m, account.Columns["adopt_adoptionscore"].MinValue);
        Assert.Equal(100m, account.Columns["adopt_adoptionscore"].MaxValue);
        Assert.Equal(["None", "Individual", "Team", "Spreading", "Enterprise-ready"], account.Columns["adopt_adoptionstage"].Options.Select(o => o.Label));

        var domain = Source.Table("adopt_accountdomain");
        Assert.Equal(["account"], domain.Columns["adopt_accountid"].Targets);
        Assert.Equal(RequiredLevel.ApplicationRequired, domain.Columns["adopt_accountid"].RequiredLevel);
        var key = Assert.Single(domain.Keys);
        Assert.Equal(["adopt_name", "adopt_accountid"], key.Columns);

        var settings = Source.Table("adopt_adoptionsettings");
        Assert.Equal(OwnershipType.OrganizationOwned, settings.Ownership);
        Assert.Equal(["systemuser"], settings.Columns["adopt_fallbackuserid"].Targets);
        Assert.Equal(["queue"], settings.Columns["adopt_fallbackqueueid"].Targets);
        Assert.Equal(ColumnType.Boolean, settings.Columns["adopt_excludefreemail"].Type);
        Assert.Equal(true, settings.Columns["adopt_excludefreemail"].DefaultValue);
        Assert.Equal(2, settings.Columns["adopt_adopterweight"].Precision);
        Assert.Equal(ColumnType.Memo, settings.Columns["adopt_owndomains"].Type);
    }

    [Fact]
    public void Embedded_copy_equals_the_source_directory()
    {
        var embedded = SolutionSource.LoadEmbedded();
        Assert.Equal(Source.Files.Paths, embedded.Files.Paths);
        foreach (var path in Source.Files.Paths)
            Assert.Equal(Source.Files.Read(path), embedded.Files.Read(path));
        Assert.Equal(Source.Tables.Select(t => (t.LogicalName, t.Columns.Count)), embedded.Tables.Select(t => (t.LogicalName, t.Columns.Count)));
    }

    [Fact]
    public void A_column_added_to_Entity_xml_reaches_the_model_with_no_other_change()
    {
        var dir = Repo.CopyOfSource();
        var path = Path.Combine(dir, "Entities", "Lead", "Entity.xml");
        var text = File.ReadAllText(path);
        const string added = """
        <attribute PhysicalName="adopt_TrialPlan">
          <Type>nvarchar</Type>
          <Name>adopt_trialplan</Name>
          <LogicalName>adopt_trialplan</LogicalName>
          <RequiredLevel>none</RequiredLevel>
          <IsCustomField>1</IsCustomField>
          <MaxLength>40</MaxLength>
          <displaynames>
            <displayname description="Trial Plan" languagecode="1033" />
          </displaynames>
        </attribute>
      </attributes>
""";
        File.WriteAllText(path, text.Replace("      </attributes>\r\n", added, StringComparison.Ordinal));
        var column = SolutionSource.Load(dir).Table("lead").Columns["adopt_trialplan"];
        Assert.Equal(ColumnType.String, column.Type);
        Assert.Equal(40, column.MaxLength);
        Assert.Equal("Trial Plan", column.DisplayName);
        Assert.True(column.IsCustom);
    }
}
