using System.CommandLine;
using Spectre.Console;

namespace AdoptionCrm.Cli;

/// <summary>
/// Shared exit-code and error policy: 0 ok, 1 failure, 2 usage. A failure prints one line (the
/// exception's message) unless --verbose asks for the stack trace.
/// </summary>
public static class CommandRunner
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    public static readonly Option<bool> Verbose = new("--verbose") { Description = "Print stack traces on errors", Recursive = true };

    public static int Run(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine(error.Message);
            Console.Error.WriteLine("Run 'adoptioncrm --help' for usage.");
            return Usage;
        }
        return parse.Invoke();
    }

    /// <summary>Wraps a command body with the error policy.</summary>
    public static Func<ParseResult, int> Action(Func<ParseResult, int> body) => parse =>
    {
        try
        {
            return body(parse);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (parse.GetValue(Verbose)) Console.Error.WriteLine(e.ToString());
            else Console.Error.WriteLine("error: " + e.Message.ReplaceLineEndings(" "));
            return Failure;
        }
    };

    public static IAnsiConsole Out { get; } = AnsiConsole.Console;
}
