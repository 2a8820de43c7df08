using System.CommandLine;
using AdoptionCrm.Cli.Environments;

namespace AdoptionCrm.Cli.Commands;

/// <summary>`adoptioncrm status --url URL`: the counts an admin checks a backfill by (StatusCounts).</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var environment = new EnvironmentOptions();
        var command = new Command("status", "Counts in an environment: accounts, account domains, leads linked/unlinked, adopters, companies. " + EnvironmentOptions.SignInHelp);
        environment.AddTo(command);
        command.SetAction(parse =>
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
                foreach (var (name, count) in StatusCounts.ReadAsync(client).GetAwaiter().GetResult())
                    Console.WriteLine($"{name}: {(count is null ? "(no such table)" : count.ToString())}");
                return CommandRunner.Ok;
            })(parse);
        });
        return command;
    }
}
