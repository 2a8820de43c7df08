using System.CommandLine;
using AdoptionCrm.Cli.Environments;
using AdoptionCrm.Plugins.Steps;
using Spectre.Console;

namespace AdoptionCrm.Cli.Commands;

/// <summary>`adoptioncrm backfill --url URL`: the install backfill against an environment's Web API (BackfillRunner).</summary>
public static class BackfillCommand
{
    public static Command Create()
    {
        var environment = new EnvironmentOptions();
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Checkpoint file (default ~/.adoptioncrm/backfill-<host>.json); a second run resumes from it" };
        var command = new Command("backfill",
            "Install backfill: domain rows from accounts' websites, then adopt_Rebuild over the organization until done. " +
            "Resumable; honours service protection (429/503 Retry-After). " + EnvironmentOptions.SignInHelp);
        environment.AddTo(command);
        command.Options.Add(checkpoint);
        command.SetAction(parse => Run(parse, environment, checkpoint));
        return command;
    }

    private static int Run(ParseResult parse, EnvironmentOptions environment, Option<string?> checkpointOption)
    {
        DataverseClient client;
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        try { client = environment.Client(parse, http); }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return CommandRunner.Usage;
        }
        return CommandRunner.Action(_ =>
        {
            var path = parse.GetValue(checkpointOption) ?? BackfillCheckpoint.DefaultPath(environment.UrlOf(parse));
            var result = Plain() ? RunPlain(client, path) : RunWithBar(client, path);
            if (result.RebuildMissing)
            {
                Console.Error.WriteLine($"error: the environment has no {RebuildPlugin.MessageName} action; import the current AdoptionCrm solution, then run backfill again.");
                return CommandRunner.Failure;
            }
            Console.WriteLine($"domain rows created: {result.DomainsCreated}, accounts skipped: {result.AccountsSkipped}, " +
                $"rebuild calls: {result.RebuildCalls}, leads processed: {result.Processed}; {client.Counters}; checkpoint {path}");
            return CommandRunner.Ok;
        })(parse);
    }

    // Plain lines when a progress bar would garble a log: output redirected, or a CI run.
    private static bool Plain() => Console.IsOutputRedirected || string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static BackfillResult RunPlain(DataverseClient client, string path)
    {
        var last = "";
        return new BackfillRunner(client, path, (step, done, total) =>
        {
            if (step != last || total is null || done == total || done % 500 == 0)
                Console.WriteLine(total is null ? $"{step}: {done}" : $"{step}: {done}/{total}");
            last = step;
        }).RunAsync().GetAwaiter().GetResult();
    }

    private static BackfillResult RunWithBar(DataverseClient client, string path) =>
        CommandRunner.Out.Progress().Start(context =>
        {
            var tasks = new Dictionary<string, ProgressTask>();
            return new BackfillRunner(client, path, (step, done, total) =>
            {
                if (!tasks.TryGetValue(step, out var task)) tasks[step] = task = context.AddTask(step);
                if (total is null) { task.IsIndeterminate = true; task.Description = $"{step} ({done} leads)"; }
                else { task.MaxValue = Math.Max(1, total.Value); task.Value = done; }
            }).RunAsync().GetAwaiter().GetResult();
        });
}
