namespace AdoptionCrm.Solution.Tests;

public class BrokenSourceTests
{
    private static SolutionSourceException LoadBroken(string relativePath, Func<string, string> change)
    {
        var dir = Repo.CopyOfSource();
        var path = Path.Combine(dir, relativePath);
        var before = File.ReadAllText(path);
        var after = change(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
        return Assert.Throws<SolutionSourceException>(() => SolutionSource.Load(dir));
    }

    [Fact]
    public void Unknown_column_type_names_the_file_the_element_and_the_line()
    {
        var e = LoadBroken("Entities/Lead/Entity.xml", t => t.Replace("<Type>int</Type>", "<Type>integer</Type>"));
        Assert.Equal("Entities/Lead/Entity.xml", e.File);
        Assert.NotNull(e.Line);
        Assert.Contains("<Type>", e.Message);
        Assert.Contains("adopt_usage", e.Message);
        Assert.StartsWith($"Entities/Lead/Entity.xml({e.Line})", e.Message);
    }

    [Fact]
    public void Malformed_xml_names_the_file_and_line()
    {
        var e = LoadBroken("OptionSets/adopt_matchmethod.xml", t => t.Replace("</options>", "</option>"));
        Assert.Equal("OptionSets/adopt_matchmethod.xml", e.File);
        Assert.NotNull(e.Line);
        Assert.Contains("not well-formed", e.Message);
    }

    [Fact]
    public void Reference_to_a_missing_global_choice_names_the_element()
    {
        var e = LoadBroken("Entities/Account/Entity.xml", t => t.Replace("<OptionSetName>adopt_adoptionstage</OptionSetName>", "<OptionSetName>adopt_stage</OptionSetName>"));
        Assert.Equal("Entities/Account/Entity.xml", e.File);
        Assert.Contains("<OptionSetName>", e.Message);
        Assert.Contains("adopt_stage", e.Message);
    }

    [Fact]
    public void Option_value_outside_the_publisher_prefix_is_refused()
    {
        var e = LoadBroken("OptionSets/adopt_ruletype.xml", t => t.Replace("value=\"462010001\"", "value=\"100000001\""));
        Assert.Equal("OptionSets/adopt_ruletype.xml", e.File);
        Assert.Contains("option value prefix", e.Message);
    }

    [Fact]
    public void Lookup_without_a_relationship_is_refused()
    {
        var e = LoadBroken("Other/Relationships/Queue.xml", t => t.Replace("adopt_FallbackQueueId</ReferencingAttributeName>", "adopt_OtherQueueId</ReferencingAttributeName>"));
        Assert.Equal("Entities/adopt_AdoptionSettings/Entity.xml", e.File);
        Assert.Contains("adopt_fallbackqueueid", e.Message);
    }
}
