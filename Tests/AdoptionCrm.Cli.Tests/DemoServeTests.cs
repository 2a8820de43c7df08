using System.Text.Json;
using AdoptionCrm.Cli.Demo;
using AdoptionCrm.Cli.Packing;
using AdoptionCrm.Emulator.WebApi;

namespace AdoptionCrm.Cli.Tests;

/// <summary>demo --serve's URLs: the account form page and the account behind its id, from the emulator's Web API.</summary>
public class DemoServeTests
{
    [Fact]
    public async Task Printed_account_form_urls_serve_the_host_page_and_their_account()
    {
        var run = DemoRunner.Run(seed: 3, leads: 400, endUtc: new DateTime(2025, 6, 30, 12, 0, 0, DateTimeKind.Utc));
        var top = DemoServer.TopAccounts(run.Report).ToList();
        Assert.Contains(top, a => a.Name == DemoCatalog.XssAccount);
        Assert.True(top.Count >= 5);

        var repo = RepoLocator.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("no repository above the test");
        await using var server = await WebApiServer.StartAsync(run.Organization, run.Organization.SystemUserId, 0, Path.Combine(repo, "WebResources"));
        using var http = new HttpClient();
        var account = top[0];
        var url = new Uri(DemoServer.AccountFormUrl(server, account.Id));
        Assert.Equal("127.0.0.1", url.Host);
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.Equal(account.Id.ToString(), query["id"]);

        var page = await http.GetAsync(url);
        Assert.True(page.IsSuccessStatusCode, $"GET {url} → {(int)page.StatusCode}");
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(query["api"]!) + $"accounts({account.Id})?$select=name,adopt_adoptionscore"));
        Assert.Equal(account.Name, json.RootElement.GetProperty("name").GetString());
        Assert.Equal(account.Score, json.RootElement.GetProperty("adopt_adoptionscore").GetInt32());
    }
}
