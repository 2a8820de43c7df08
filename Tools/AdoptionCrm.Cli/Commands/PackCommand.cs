using Spectre.Console;
using System.CommandLine;
using AdoptionCrm.Cli.Packing;
using AdoptionCrm.Solution.Packing;
using AdoptionCrm.Solution.Validation;

namespace AdoptionCrm.Cli.Commands;

/// <summary>`adoptioncrm pack`: writes AdoptionCrm_&lt;version&gt;_managed.zip and AdoptionCrm_&lt;version&gt;.zip.</summary>
public static class PackCommand
{
    public static Command Create()
    {
        var outDir = new Option<string>("--out") { Description = "Output directory", DefaultValueFactory = _ => "." };
        var version = new Option<string?>("--version") { Description = "Solution version (2 to 4 numbers); default: Other/Solution.xml" };
        var configuration = new Option<string>("--configuration", "-c") { Description = "Plugin build configuration", DefaultValueFactory = _ => "Release" };
        var noBuild = new Option<bool>("--no-build") { Description = "Pack the plugin and web resources already built" };
        var command = new Command("pack", "Build the managed and unmanaged solution zips") { outDir, version, configuration, noBuild };
        command.SetAction(CommandRunner.Action(parse =>
        {
            var repo = RepoLocator.Find() ?? throw new InvalidOperationException("run pack inside the AdoptionCrm repository (no AdoptionCrm.sln found upwards)");
            var input = PackInputBuilder.FromRepository(repo, parse.GetValue(configuration)!, !parse.GetValue(noBuild), parse.GetValue(version),
                message => CommandRunner.Out.MarkupLineInterpolated($"[grey]{message}[/]"));
            if (input.WebResources.Count == 0)
                CommandRunner.Out.MarkupLine("[yellow]warning:[/] WebResources/dist has no files; the zips carry no web resources");
            var target = Path.GetFullPath(parse.GetValue(outDir)!);
            Directory.CreateDirectory(target);
            var failed = false;
            foreach (var zip in SolutionPacker.Pack(input))
            {
                var path = Path.Combine(target, zip.FileName);
                File.WriteAllBytes(path, zip.Content);
                var problems = SolutionZipValidator.Validate(zip.Content);
                CommandRunner.Out.Markup(problems.Count == 0 ? "[green]ok[/] " : "[red]invalid[/] ");
                CommandRunner.Out.WriteLine($"{path} ({zip.Content.Length:N0} bytes)");
                foreach (var problem in problems) Console.Error.WriteLine("  " + problem);
                failed |= problems.Count > 0;
            }
            return failed ? CommandRunner.Failure : CommandRunner.Ok;
        }));
        return command;
    }
}
