using AdoptionCrm.Plugins.Adoption;

namespace AdoptionCrm.Plugins.Tests.Adoption;

/// <summary>Row ids are stored: the same name must give the same id in every release.</summary>
public class RowIdsTests
{
    [Fact]
    public void Company_and_adopter_ids_are_the_ones_already_stored()
    {
        // Values written by earlier releases (name-based, RFC 4122 version 5).
        Assert.Equal(new Guid("86fd8e9b-5e71-555d-8c07-85626a0d80a8"), RowIds.Company("company0.com"));
        Assert.Equal(new Guid("c02e5a9d-ecf1-5330-9161-00ca8eabc39a"), RowIds.Adopter("person550@company0.com", "company0.com"));
    }

    [Fact]
    public void Names_outside_ascii_and_long_names_give_version_5_ids_that_differ()
    {
        var ids = new[] { RowIds.Company("müller.de"), RowIds.Company("muller.de"), RowIds.Company(new string('a', 10_000) + ".com"), RowIds.Adopter("a@b.com", "b.com") };
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal('5', id.ToString()[14]));
    }
}
