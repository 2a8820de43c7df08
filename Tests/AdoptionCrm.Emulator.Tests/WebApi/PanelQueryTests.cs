using System.Diagnostics;
using System.Reflection;
using AdoptionCrm.Emulator.WebApi;

namespace AdoptionCrm.Emulator.Tests.WebApi;

/// <summary>
/// The account-form panel's own requests (WebResources/README.md) against data our real plugins
/// produced, and, when asked for, the panel's browser test in headless Chromium against this server.
/// </summary>
public sealed class PanelQueryTests
{
    private const string Fmt = "@OData.Community.Display.V1.FormattedValue";
    private const string LeadQuery = "leads?$select=fullname,emailaddress1,jobtitle,createdon,adopt_usage,adopt_matchmethod,adopt_matchexplanation&$filter=_parentaccountid_value eq {0}&$orderby=createdon desc";

    [Fact]
    public async Task Panel_queries_return_the_account_stage_and_its_adopters_newest_first()
    {
        var seeded = PanelSeed.Create(adopters: 30);
        await using var server = await WebApiServer.StartAsync(seeded.Org, seeded.RepId);
        using var http = new HttpClient();
        var account = await WebApiFixture.SendAsync(http, new Uri(server.BaseUrl,
            $"accounts({seeded.AccountId})?$select=name,adopt_adoptionscore,adopt_adoptionstage,adopt_adoptercount,adopt_scoreexplanation"), WebApiFixture.Annotations);
        Assert.True(account.Status == 200, account.Text);
        Assert.True(account.Body.GetProperty("adopt_adoptercount").GetInt32() > 0); // the engine counts only signups inside its window
        Assert.False(string.IsNullOrEmpty(account.Body.GetProperty("adopt_adoptionstage" + Fmt).GetString()));

        var rows = new List<System.Text.Json.JsonElement>();
        var url = new Uri(server.BaseUrl, string.Format(LeadQuery, seeded.AccountId));
        for (var pages = 0; url is not null && pages < 10; pages++)
        {
            var page = await WebApiFixture.SendAsync(http, url, "odata.include-annotations=\"*\",odata.maxpagesize=7");
            Assert.True(page.Status == 200, page.Text);
            rows.AddRange(page.Rows);
            url = page.Body.TryGetProperty("@odata.nextLink", out var next) ? new Uri(next.GetString()!) : null;
        }
        Assert.Equal(30, rows.Count);
        var created = rows.Select(r => DateTime.Parse(r.GetProperty("createdon").GetString()!)).ToList();
        Assert.Equal(created.OrderByDescending(d => d), created);
        Assert.Contains(rows, r => r.GetProperty("fullname").GetString() == PanelSeed.XssName);
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("adopt_matchmethod" + Fmt).GetString())));
    }

    /// <summary>Runs WebResources/test/browser/run.mjs (from a scratch copy, so its artifacts stay out of the panel's folder).</summary>
    [BrowserFact]
    public async Task Panel_browser_test_passes_against_the_emulator_web_api()
    {
        var repo = typeof(PanelQueryTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepoRoot").Value!;
        var webResources = Path.Combine(repo, "WebResources");
        var seeded = PanelSeed.Create(adopters: int.Parse(Environment.GetEnvironmentVariable("ADOPT_BROWSER_ADOPTERS") ?? "200"));
        await using var server = await WebApiServer.StartAsync(seeded.Org, seeded.RepId, 0, webResources);
        var scratch = Directory.CreateTempSubdirectory("panel-browser-");
        try
        {
            CopyDirectory(Path.Combine(webResources, "test"), Path.Combine(scratch.FullName, "test"));
            File.CreateSymbolicLink(Path.Combine(scratch.FullName, "node_modules"), Path.Combine(webResources, "node_modules"));
            var start = new ProcessStartInfo("node", "test/browser/run.mjs") { WorkingDirectory = scratch.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["ADOPT_HOST_URL"] = server.Origin.ToString().TrimEnd('/');
            start.Environment["ADOPT_ACCOUNT_ID"] = seeded.AccountId.ToString();
            using var node = Process.Start(start)!;
            var stdout = node.StandardOutput.ReadToEndAsync();
            var stderr = node.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await node.WaitForExitAsync(timeout.Token);
            var output = await stdout + await stderr;
            File.WriteAllText(Path.Combine(Path.GetTempPath(), "panel-browser-emulator.log"), output);
            Assert.True(node.ExitCode == 0, output);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}

/// <summary>A test that needs headless Chromium and the panel's node_modules: runs only with ADOPT_BROWSER_TEST=1.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("ADOPT_BROWSER_TEST") != "1")
            Skip = "Browser test: set ADOPT_BROWSER_TEST=1 (needs /usr/bin/chromium and WebResources/node_modules).";
    }
}
