using System.CommandLine;
using System.Text.Json;
using AdoptionCrm.Cli.Commands;

namespace AdoptionCrm.Cli.Tests;

/// <summary>simulate's --json output holds the shape issue 4 fixes, through the command as a user runs it.</summary>
[Collection(ConsoleCollection.Name)]
public class SimulateContractTests
{
    private static readonly string[] Stages = { "None", "Individual", "Team", "Spreading", "EnterpriseReady" };
    private static readonly string[] Outcomes =
        { "linked", "account-created", "excluded-freemail", "excluded-disposable", "excluded-own", "excluded-rule", "excluded-role", "unmatched", "invalid-email", "no-email" };

    [Fact]
    public void Json_output_has_exactly_the_contract_keys_and_value_kinds()
    {
        using var files = new SimulationFiles();
        var leads = files.Leads(
            "ann@contoso.com,Ann,Lee,Engineer,2025-03-01T09:00:00Z",
            "bob@contoso.com,Bob,Ray,PM,2025-03-02T09:00:00Z",
            "cara@contoso.com,Cara,Ng,,2025-03-03T09:00:00Z",
            "dan@gmail.com,Dan,Oh,,2025-03-04T09:00:00Z");
        var accounts = files.Accounts("Contoso,contoso.com;contoso.co.uk,Ann Sales");
        var output = files.PathOf("out.json");

        var exit = Run("simulate", "--leads", leads, "--accounts", accounts, "--json", output);

        Assert.Equal(CommandRunner.Ok, exit);
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        var root = json.RootElement;
        Assert.Equal(new[] { "accounts", "leads", "tasks", "stats", "companies", "asOf" }, Keys(root));
        var company = Assert.Single(root.GetProperty("companies").EnumerateArray());
        Assert.Equal(new[] { "domain", "people", "score", "stage", "account", "stageLabel" }, Keys(company));
        Assert.Equal(("contoso.com", 3, "Team", "Contoso"), (company.GetProperty("domain").GetString(), company.GetProperty("people").GetInt32(),
            company.GetProperty("stage").GetString(), company.GetProperty("account").GetString()));

        var account = Assert.Single(root.GetProperty("accounts").EnumerateArray());
        Assert.Equal(new[] { "name", "domains", "owner", "adopters", "score", "stage", "autoCreated", "explanation", "asOf", "stageLabel" }, Keys(account));
        Assert.Equal("Contoso", account.GetProperty("name").GetString());
        Assert.Equal(new[] { "contoso.com", "contoso.co.uk" }, account.GetProperty("domains").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("Ann Sales", account.GetProperty("owner").GetString());
        Assert.Equal(3, account.GetProperty("adopters").GetInt32());
        Assert.InRange(account.GetProperty("score").GetInt32(), 1, 100);
        Assert.Equal("Team", account.GetProperty("stage").GetString());
        Assert.Equal("Team", account.GetProperty("stageLabel").GetString());
        Assert.False(account.GetProperty("autoCreated").GetBoolean());

        var leadRows = root.GetProperty("leads").EnumerateArray().ToList();
        Assert.Equal(4, leadRows.Count);
        foreach (var lead in leadRows)
        {
            Assert.Equal(new[] { "email", "domain", "account", "outcome" }, Keys(lead));
            Assert.Contains(lead.GetProperty("outcome").GetString(), Outcomes);
        }
        Assert.Equal(JsonValueKind.Null, leadRows[3].GetProperty("account").ValueKind);

        var tasks = root.GetProperty("tasks").EnumerateArray().ToList();
        // One play, from Team (a one-person company is not tasked by default).
        Assert.Equal(new[] { "Team" }, tasks.Select(t => t.GetProperty("stage").GetString()));
        foreach (var task in tasks)
        {
            Assert.Equal(new[] { "account", "stage", "owner", "subject", "due", "stageLabel", "state", "priority", "champion", "championReason", "description" }, Keys(task));
            Assert.Equal(("Team", "open", "normal"), (task.GetProperty("stageLabel").GetString(), task.GetProperty("state").GetString(), task.GetProperty("priority").GetString()));
            // Ann (Engineer) and Bob (PM) have titles, Cara none; none invited or used anything: the earliest titled signup is the champion.
            Assert.Equal("Ann Lee, Engineer", task.GetProperty("champion").GetString());
            Assert.Equal("title Engineer; signed up first of the 2 who tie on title, invitations and usage", task.GetProperty("championReason").GetString());
            Assert.Contains("Call first: Ann Lee, Engineer <ann@contoso.com>", task.GetProperty("description").GetString());
            Assert.Contains(task.GetProperty("stage").GetString(), Stages);
            Assert.Equal("Contoso", task.GetProperty("account").GetString());
            Assert.Equal("Ann Sales", task.GetProperty("owner").GetString());
            Assert.True(task.GetProperty("due").GetDateTime() > new DateTime(2025, 3, 1));
            Assert.EndsWith("Z", task.GetProperty("due").GetString());
        }

        var stats = root.GetProperty("stats");
        Assert.Equal(new[] { "leads", "serviceCallsPerCreate" }, Keys(stats));
        Assert.Equal(4, stats.GetProperty("leads").GetInt32());
        var calls = stats.GetProperty("serviceCallsPerCreate");
        Assert.Equal(new[] { "mean", "max" }, Keys(calls));
        Assert.True(calls.GetProperty("max").GetInt32() >= calls.GetProperty("mean").GetDouble());
        Assert.True(calls.GetProperty("mean").GetDouble() > 0, "the plugins make service calls for every create");
    }

    [Fact]
    public void Missing_leads_file_fails_with_exit_code_1()
    {
        using var files = new SimulationFiles();
        Assert.Equal(CommandRunner.Failure, Run("simulate", "--leads", files.PathOf("absent.csv")));
    }

    [Fact]
    public void Missing_leads_option_is_a_usage_error()
    {
        Assert.Equal(CommandRunner.Usage, Run("simulate"));
    }

    [Fact]
    public void Unknown_setting_name_fails_with_exit_code_1()
    {
        using var files = new SimulationFiles();
        var leads = files.Leads("ann@contoso.com,Ann,Lee,,2025-03-01");
        Assert.Equal(CommandRunner.Failure, Run("simulate", "--leads", leads, "--settings", files.Settings("{\"enterpriseTreshold\": 10}")));
    }

    private static int Run(params string[] args)
    {
        var root = new RootCommand { SimulateCommand.Create() };
        root.Options.Add(CommandRunner.Verbose);
        return CommandRunner.Run(root, args);
    }

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();
}
