using System.Xml.Linq;
using AdoptionCrm.Solution.Packing;

namespace AdoptionCrm.Solution.Tests;

/// <summary>
/// Who may run the organization-wide Custom APIs. adopt_Rebuild (Scope organization rewrites every adopter,
/// company and account) and adopt_Backfill (an install backfill) are for sales ops and admins: each names an
/// executeprivilegename ("Name of the privilege that allows execution of the custom API", learn.microsoft.com/power-apps/developer/data-platform/reference/entities/customapi)
/// that the Sales Ops role grants and the Sales Rep role does not, so a rep calling them is refused by the platform.
/// </summary>
public class CustomApiPrivilegeTests(PackedSolution packed) : IClassFixture<PackedSolution>
{
    [Theory]
    [InlineData("adopt_Rebuild")]
    [InlineData("adopt_Backfill")]
    public void An_organization_wide_API_needs_a_privilege_sales_ops_holds_and_reps_do_not(string api)
    {
        foreach (var zip in packed.Zips)
        {
            var entries = PackedSolution.Entries(zip);
            var privilege = XDocument.Load(new MemoryStream(entries[$"customapis/{api}/customapi.xml"])).Root!.Element("executeprivilegename")?.Value;
            Assert.False(string.IsNullOrWhiteSpace(privilege), $"{api} in {zip.FileName} names no executeprivilegename: any user could run it");
            var roles = PackedSolution.Xml(zip, ZipNames.Customizations).Root!.Element("Roles")!.Elements("Role")
                .ToDictionary(r => (string)r.Attribute("name")!, r => r.Descendants("RolePrivilege").Select(p => (string)p.Attribute("name")!).ToHashSet());
            Assert.Contains(privilege!, roles["AdoptionCrm Sales Ops"]);
            Assert.DoesNotContain(privilege!, roles["AdoptionCrm Sales Rep"]);
        }
    }
}
