using AdoptionCrm.Solution.Packing;

namespace AdoptionCrm.Solution.Tests;

/// <summary>The validator holds alternate keys to the documented limits: 900 bytes and 16 columns per key, 10 keys per table.</summary>
public class AlternateKeyCheckTests(PackedSolution packed) : IClassFixture<PackedSolution>
{
    [Fact]
    public void The_shipped_keys_are_within_the_limits()
    {
        foreach (var zip in packed.Zips)
            Assert.DoesNotContain(ZipMutation.Problems(zip, _ => { }), p => p.Contains("alternate key"));
    }

    [Fact]
    public void A_key_over_900_bytes_or_naming_a_missing_column_is_refused()
    {
        // adopt_companyday at 400 characters: 800 bytes, with the email's 640 and the company's 16, is 1,456.
        var wide = ZipMutation.Problems(packed.Zips[0], e => ZipMutation.Replace(e, ZipNames.Customizations,
            t => t.Replace("<MaxLength>40</MaxLength>", "<MaxLength>400</MaxLength>")));
        Assert.True(wide.Any(p => p.Contains("alternate key adopt_adoptercompanydaykey of adopt_adopter takes 1456 bytes")), string.Join("\n", wide));
        var missing = ZipMutation.Problems(packed.Zips[0], e => ZipMutation.Replace(e, ZipNames.Customizations,
            t => t.Replace("<AttributeName>adopt_companyday</AttributeName>", "<AttributeName>adopt_nosuchcolumn</AttributeName>")));
        Assert.Contains(missing, p => p.Contains("names column adopt_nosuchcolumn, which the table does not define"));
    }

    [Fact]
    public void A_key_of_17_columns_is_refused()
    {
        var many = string.Concat(Enumerable.Repeat("<AttributeName>adopt_companyid</AttributeName>", 15));
        var problems = ZipMutation.Problems(packed.Zips[0], e => ZipMutation.Replace(e, ZipNames.Customizations,
            t => t.Replace("<AttributeName>adopt_companyday</AttributeName>", "<AttributeName>adopt_companyday</AttributeName>" + many)));
        Assert.Contains(problems, p => p.Contains("alternate key adopt_adoptercompanydaykey of adopt_adopter has 18 columns; a key may have 16"));
    }
}
