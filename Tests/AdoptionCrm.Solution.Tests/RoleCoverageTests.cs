using System.Xml.Linq;
using AdoptionCrm.Solution.Packing;
using AdoptionCrm.Solution.Platform;

namespace AdoptionCrm.Solution.Tests;

/// <summary>
/// What each of our roles lets its people do in the app. A table the app shows that a role cannot read is an
/// empty view or an error for that role's users (the account form's adopters panel, the prospecting list), and no
/// test on the emulator would notice: it has no security model.
/// </summary>
public class RoleCoverageTests(PackedSolution packed) : IClassFixture<PackedSolution>
{
    private const string SalesOps = "AdoptionCrm Sales Ops";
    private const string SalesRep = "AdoptionCrm Sales Rep";

    private (Dictionary<string, HashSet<string>> Roles, List<(string SchemaName, string LogicalName)> Tables, XElement Root) Read()
    {
        var root = PackedSolution.Xml(packed.Zips[0], ZipNames.Customizations).Root!;
        var roles = root.Element("Roles")!.Elements("Role").ToDictionary(r => (string)r.Attribute("name")!,
            r => r.Descendants("RolePrivilege").Select(p => (string)p.Attribute("name")!).ToHashSet(StringComparer.Ordinal));
        var tables = root.Element("Entities")!.Elements("Entity")
            .Select(e => (SchemaName: e.Element("Name")!.Value.Trim(), LogicalName: e.Element("Name")!.Value.Trim().ToLowerInvariant()))
            .Where(t => t.LogicalName.StartsWith("adopt_", StringComparison.Ordinal)).ToList();
        return (roles, tables, root);
    }

    [Theory]
    [InlineData(SalesOps)]
    [InlineData(SalesRep)]
    public void Each_role_reads_every_table_of_ours_the_app_shows(string role)
    {
        var (roles, tables, root) = Read();
        var shown = root.Descendants("AppModuleComponent").Where(c => (string?)c.Attribute("type") == "1")
            .Select(c => (string)c.Attribute("schemaName")!).Where(t => t.StartsWith("adopt_", StringComparison.Ordinal)).ToList();
        Assert.Contains("adopt_adopter", shown);
        Assert.Contains("adopt_company", shown);
        var readable = roles[role].Where(p => p.StartsWith("prvRead", StringComparison.Ordinal)).Select(p => KnownPrivileges.TableOf(p, tables)).ToHashSet();
        Assert.All(shown, table => Assert.True(readable.Contains(table), $"{role} cannot read {table}, which the app shows"));
    }

    [Fact]
    public void Sales_ops_can_link_a_company_to_an_account_and_reps_cannot()
    {
        var (roles, _, _) = Read();
        // Setting a company's Account: Write and Append on the company, AppendTo on the account.
        string[] link = ["prvWriteadopt_Company", "prvAppendadopt_Company", "prvAppendToAccount"];
        Assert.All(link, p => Assert.Contains(p, roles[SalesOps]));
        Assert.DoesNotContain("prvWriteadopt_Company", roles[SalesRep]);
    }
}
