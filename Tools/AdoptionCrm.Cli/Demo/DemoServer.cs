using AdoptionCrm.Cli.Packing;
using AdoptionCrm.Cli.Simulate;
using AdoptionCrm.Emulator;
using AdoptionCrm.Emulator.WebApi;
using Spectre.Console;

namespace AdoptionCrm.Cli.Demo;

/// <summary>
/// demo --serve: the emulator's Web API on 127.0.0.1 with the panel's files (WebResources/dist and
/// host/), and the account-form URLs of the top accounts; serves until Ctrl+C, then stops cleanly.
/// </summary>
public static class DemoServer
{
    public static int Serve(IAnsiConsole console, EmulatedOrganization org, DemoReport report, int port)
    {
        var webResources = RepoLocator.Find(AppContext.BaseDirectory) is { } repo ? Path.Combine(repo, "WebResources") : null;
        if (webResources == null || !Directory.Exists(webResources))
            throw new DirectoryNotFoundException("demo --serve needs the repository's WebResources folder (run it from a clone)");
        if (!File.Exists(Path.Combine(webResources, "host", "account-form.html")))
            throw new FileNotFoundException("WebResources/host/account-form.html is missing");
        // A fresh clone has no built panel: build it (as pack does) rather than serve "not found".
        if (!File.Exists(Path.Combine(webResources, "dist", "adopt_", "adopters", "panel.html")))
        {
            try { PackInputBuilder.BuildWebResources(Path.GetDirectoryName(webResources)!, message => console.MarkupLineInterpolated($"[grey]{message}[/]")); }
            catch (InvalidOperationException e) { throw new InvalidOperationException($"the panel is not built and building it failed ({e.Message}); run: {PackInputBuilder.PanelBuildCommand}", e); }
        }

        var server = WebApiServer.Start(org, org.SystemUserId, port, webResources);
        // URLs go out unwrapped (plain Console), so they can be clicked or copied whole at any width.
        Console.WriteLine($"Web API: {server.BaseUrl}");
        Console.WriteLine("Account forms with the adopters panel:");
        foreach (var account in TopAccounts(report))
        {
            var note = account.Name == DemoCatalog.XssAccount ? $", has the adopter named {DemoCatalog.XssName} for the panel's XSS check" : "";
            Console.WriteLine($"  {account.Name} ({account.StageLabel}, score {account.Score}{note}): {AccountFormUrl(server, account.Id)}");
        }
        console.MarkupLine("[grey]Ctrl+C stops the server.[/]");
        server.RunUntilCancelledAsync().GetAwaiter().GetResult();
        console.MarkupLine("stopped.");
        return CommandRunner.Ok;
    }

    /// <summary>The five most advanced accounts, plus the XSS check's account when it is not among them.</summary>
    public static IEnumerable<SnapshotAccount> TopAccounts(DemoReport report)
    {
        var top = report.Accounts.Where(a => a.Stage != "None")
            .OrderByDescending(a => Array.IndexOf(ContractNames.Stages, a.Stage)).ThenByDescending(a => a.Score).Take(5).ToList();
        if (top.All(a => a.Name != DemoCatalog.XssAccount) && report.Accounts.FirstOrDefault(a => a.Name == DemoCatalog.XssAccount) is { } xss) top.Add(xss);
        return top;
    }

    /// <summary>/host/account-form.html?api=…&amp;id=… (WebResources/README.md).</summary>
    public static string AccountFormUrl(WebApiServer server, Guid accountId) =>
        new Uri(server.Origin, "host/account-form.html") + "?api=" + Uri.EscapeDataString(server.BaseUrl.ToString()) + "&id=" + accountId;
}
