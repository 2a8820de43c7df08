using AdoptionCrm.Emulator;
using AdoptionCrm.Emulator.WebApi;

namespace AdoptionCrm.Cli.Tests;

/// <summary>The backfill and status commands' exit codes: 2 usage, 1 no adopt_Rebuild, 0 done (against the emulator's Web API).</summary>
[Collection(ConsoleCollection.Name)]
public class BackfillCommandTests
{
    private static (int Code, string Out, string Error) Invoke(params string[] args)
    {
        var root = CliRoot.Create();
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try { return (CommandRunner.Run(root, args), output.ToString(), error.ToString()); }
        finally { Console.SetOut(stdout); Console.SetError(stderr); }
    }

    [Fact]
    public void Without_a_way_to_sign_in_the_command_is_a_usage_error()
    {
        Environment.SetEnvironmentVariable("ADOPTIONCRM_TOKEN", null);
        var (code, _, error) = Invoke("status", "--url", "https://contoso.crm.dynamics.com");
        Assert.Equal(CommandRunner.Usage, code);
        Assert.Contains("--client-id", error);
        Assert.Equal(CommandRunner.Usage, Invoke("backfill").Code);
    }

    [Fact]
    public void A_url_that_is_not_http_is_a_usage_error_naming_the_option()
    {
        var (code, _, error) = Invoke("status", "--url", "contoso", "--token", "none");
        Assert.Equal(CommandRunner.Usage, code);
        Assert.Contains("--url must be an http(s) URL", error);
    }

    [Fact]
    public async Task Backfill_exits_1_with_one_line_when_the_environment_lacks_the_solution_and_0_when_it_has_it()
    {
        var bare = EmulatedOrganization.Create(new EmulatorOptions { LoadSolutionCustomApis = false });
        await using (var server = await WebApiServer.StartAsync(bare, bare.SystemUserId))
        {
            var (code, _, error) = Invoke("backfill", "--url", server.Origin.AbsoluteUri, "--token", "none");
            Assert.Equal(CommandRunner.Failure, code);
            Assert.Contains("no adopt_Backfill action", error);
        }
        var org = EmulatedOrganization.Create(new EmulatorOptions { PluginAssemblies = { typeof(AdoptionCrm.Plugins.Infrastructure.PluginBase).Assembly } });
        await using (var server = await WebApiServer.StartAsync(org, org.SystemUserId))
        {
            var (code, output, error) = Invoke("backfill", "--url", server.Origin.AbsoluteUri, "--token", "none");
            Assert.True(code == CommandRunner.Ok, error);
            Assert.Matches(@"\(new\): Completed, Done; [1-9]\d* batches this time; accounts read 0", output);
            var status = Invoke("status", "--url", server.Origin.AbsoluteUri, "--token", "none");
            Assert.Equal(CommandRunner.Ok, status.Code);
            Assert.Contains("accounts: 0", status.Out);
        }
    }

    [Fact]
    public void A_run_that_is_not_a_guid_is_a_usage_error_naming_the_option()
    {
        var (code, _, error) = Invoke("backfill", "--url", "https://contoso.crm.dynamics.com", "--token", "none", "--run", "last");
        Assert.Equal(CommandRunner.Usage, code);
        Assert.Contains("--run must be a run id", error);
    }
}
