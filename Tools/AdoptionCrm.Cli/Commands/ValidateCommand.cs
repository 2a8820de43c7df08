using Spectre.Console;
using System.CommandLine;
using AdoptionCrm.Solution.Validation;

namespace AdoptionCrm.Cli.Commands;

/// <summary>`adoptioncrm validate ZIP`: every problem with its path; exit 1 if any.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var zip = new Argument<FileInfo>("zip") { Description = "Solution zip to check" };
        var command = new Command("validate", "Check a solution zip: XSD (with the allow-list), structure and references") { zip };
        command.SetAction(CommandRunner.Action(parse =>
        {
            var file = parse.GetValue(zip)!;
            if (!file.Exists) throw new FileNotFoundException($"{file.FullName} does not exist");
            var problems = SolutionZipValidator.Validate(File.ReadAllBytes(file.FullName));
            foreach (var problem in problems) Console.WriteLine(problem);
            CommandRunner.Out.Markup(problems.Count == 0 ? "[green]valid[/]" : $"[red]{problems.Count} problem(s)[/]");
            CommandRunner.Out.WriteLine(": " + file.Name);
            return problems.Count == 0 ? CommandRunner.Ok : CommandRunner.Failure;
        }));
        return command;
    }
}
