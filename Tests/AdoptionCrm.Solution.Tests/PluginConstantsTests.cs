using System.Text.RegularExpressions;

namespace AdoptionCrm.Solution.Tests;

/// <summary>
/// The plugin names tables, columns and choices through C# constants. Any constant whose value looks
/// like one of our names ("adopt_…") must exist in the solution source, so a misspelled column fails
/// here instead of at run time in Dataverse. Checks every .cs under Plugins/ (Plugins/Model/ first of all),
/// however many there are today.
/// </summary>
public class PluginConstantsTests
{
    private static readonly Regex Constant = new("""const\s+string\s+(\w+)\s*=\s*"(adopt_[a-z0-9_]+)"\s*;""", RegexOptions.Compiled);

    [Fact]
    public void Every_adopt_constant_in_the_plugin_names_something_in_the_solution_source()
    {
        var source = SolutionSource.Load(Repo.SourceDir);
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in source.Tables)
        {
            known.Add(table.LogicalName);
            known.UnionWith(table.Columns.Keys);
            known.UnionWith(table.Keys.Select(k => k.LogicalName));
        }
        known.UnionWith(source.OptionSets.Select(o => o.Name));

        var plugins = Repo.Path("Plugins");
        var files = Directory.EnumerateFiles(plugins, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.NotEmpty(files);
        var unknown = files
            .SelectMany(f => Constant.Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(Repo.Root, f), Name: m.Groups[1].Value, Value: m.Groups[2].Value)))
            .Where(c => !known.Contains(c.Value))
            .Select(c => $"{c.File}: {c.Name} = \"{c.Value}\"")
            .ToList();
        Assert.True(unknown.Count == 0, "constants naming nothing in Solution/src:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void The_check_catches_a_misspelled_column()
    {
        Assert.Matches(Constant, """public const string Score = "adopt_adoptionscroe";""");
        Assert.DoesNotContain("adopt_adoptionscroe", SolutionSource.Load(Repo.SourceDir).Table("account").Columns.Keys);
    }
}
