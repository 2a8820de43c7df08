using System.CommandLine;
using AdoptionCrm.Cli.Environments;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Steps;
using Spectre.Console;

namespace AdoptionCrm.Cli.Commands;

/// <summary>`adoptioncrm backfill --url URL`: the install backfill against an environment's Web API (BackfillRunner).</summary>
public static class BackfillCommand
{
    public static Command Create()
    {
        var environment = new EnvironmentOptions();
        var run = new Option<string?>("--run") { Description = "The backfill run (adopt_backfillrun id) to go on with; default: the newest unfinished run, else a new one" };
        var contacts = new Option<bool>("--contacts") { Description = "A new run also adds domain rows (source Learned) from the email domains of accounts' contacts" };
        var command = new Command("backfill",
            "Install backfill: domain rows from accounts' websites (and, with --contacts, their contacts' email domains), existing leads " +
            "linked as a new signup would be (manual links kept), adopters, companies and scores built, in batches of adopt_Backfill. " +
            "Progress is the run's row (Backfill Runs in the app); resumable from any client; honours service protection (429/503 Retry-After). " +
            EnvironmentOptions.SignInHelp);
        environment.AddTo(command);
        command.Options.Add(run);
        command.Options.Add(contacts);
        command.SetAction(parse => Run(parse, environment, run, contacts));
        return command;
    }

    private static int Run(ParseResult parse, EnvironmentOptions environment, Option<string?> runOption, Option<bool> contactsOption)
    {
        DataverseClient client;
        Guid? runId = null;
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        try
        {
            client = environment.Client(parse, http);
            if (parse.GetValue(runOption) is { } text)
                runId = Guid.TryParse(text, out var id) ? id : throw new ArgumentException($"--run must be a run id (a GUID; was '{text}').");
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return CommandRunner.Usage;
        }
        return CommandRunner.Action(_ =>
        {
            var runner = (Action<BackfillRunStatus> progress) => new BackfillRunner(client, progress) { RunId = runId, IncludeContacts = parse.GetValue(contactsOption) };
            var result = Plain() ? RunPlain(runner) : RunWithBar(runner);
            if (result.BackfillMissing)
            {
                Console.Error.WriteLine($"error: the environment has no {BackfillPlugin.MessageName} action or Backfill Runs table; import the current AdoptionCrm solution, then run backfill again.");
                return CommandRunner.Failure;
            }
            var status = result.Run!;
            Console.WriteLine($"run {result.RunId} ({(result.Resumed ? "resumed" : "new")}): {status.State}, {status.Phase}; {result.Batches} batches this time; {status.Summary()}; {client.Counters}");
            if (result.Error != null)
            {
                Console.Error.WriteLine($"error: {result.Error}");
                Console.Error.WriteLine($"The run is marked Failed and stays where the failed batch started; run backfill again to resume it.");
                return CommandRunner.Failure;
            }
            return CommandRunner.Ok;
        })(parse);
    }

    // Plain lines when a progress bar would garble a log: output redirected, or a CI run.
    private static bool Plain() => Console.IsOutputRedirected || string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static BackfillResult RunPlain(Func<Action<BackfillRunStatus>, BackfillRunner> runner)
    {
        var last = "";
        return runner(status =>
        {
            if (status.Phase != last || status[BackfillRunColumns.Batches] % 50 == 0)
                Console.WriteLine($"{status.Phase}: {status.Summary()}");
            last = status.Phase ?? "";
        }).RunAsync().GetAwaiter().GetResult();
    }

    // One bar per phase; a phase's length is not known ahead (counting it would cost a pass), so each bar is
    // indeterminate while its phase runs, names its count, and completes when the next phase starts.
    private static BackfillResult RunWithBar(Func<Action<BackfillRunStatus>, BackfillRunner> runner) =>
        CommandRunner.Out.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn()).Start(context =>
        {
            ProgressTask? current = null;
            string? phase = null;
            return runner(status =>
            {
                if (status.Phase != phase)
                {
                    if (current != null) { current.IsIndeterminate = false; current.Value = current.MaxValue; }
                    phase = status.Phase;
                    current = context.AddTask(phase ?? "Starting");
                    current.IsIndeterminate = !status.Finished;
                    if (status.Finished) current.Value = current.MaxValue;
                }
                current!.Description = $"{phase} (batch {status[BackfillRunColumns.Batches]}: {status[BackfillRunColumns.LeadsRead]} leads read, {status[BackfillRunColumns.Adopters]} adopters)";
            }).RunAsync().GetAwaiter().GetResult();
        });
}
