using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using AdoptionCrm.Emulator.WebApi;

namespace AdoptionCrm.Emulator.Tests.WebApi;

/// <summary>
/// The account-form panel's own requests (WebResources/README.md) against data our real plugins
/// produced, and, when asked for, the panel's browser test in headless Chromium against this server.
/// </summary>
public sealed class PanelQueryTests
{
    private const string Fmt = "@OData.Community.Display.V1.FormattedValue";
    private const string AccountQuery = "accounts({0})?$select=name,adopt_adoptionscore,adopt_adoptionstage,adopt_adoptercount,adopt_scoreexplanation,adopt_scoredon";
    private const string AdopterQuery = "adopt_adopters?$select=adopt_name,adopt_email,adopt_jobtitle,adopt_signups,adopt_firstsignupon,adopt_lastsignupon,adopt_usage,adopt_invitations,adopt_counted&$filter=_adopt_accountid_value eq {0}&$orderby=adopt_lastsignupon desc,adopt_adopterid asc";

    [Fact]
    public async Task Panel_queries_return_the_account_score_as_of_and_one_row_per_person_by_last_signup()
    {
        var seeded = PanelSeed.Create(adopters: 30);
        await using var server = await WebApiServer.StartAsync(seeded.Org, seeded.RepId);
        using var http = new HttpClient();
        var account = await WebApiFixture.SendAsync(http, new Uri(server.BaseUrl, string.Format(AccountQuery, seeded.AccountId)), WebApiFixture.Annotations);
        Assert.True(account.Status == 200, account.Text);
        Assert.False(string.IsNullOrEmpty(account.Body.GetProperty("adopt_adoptionstage" + Fmt).GetString()));
        Assert.Equal(JsonValueKind.String, account.Body.GetProperty("adopt_scoredon").ValueKind);

        var rows = new List<JsonElement>();
        var url = new Uri(server.BaseUrl, string.Format(AdopterQuery, seeded.AccountId));
        for (var pages = 0; url is not null && pages < 10; pages++)
        {
            var page = await WebApiFixture.SendAsync(http, url, "odata.include-annotations=\"*\",odata.maxpagesize=7");
            Assert.True(page.Status == 200, page.Text);
            rows.AddRange(page.Rows);
            url = page.Body.TryGetProperty("@odata.nextLink", out var next) ? new Uri(next.GetString()!) : null;
        }
        Assert.True(seeded.Signups > seeded.People);
        Assert.Equal(seeded.People, rows.Count); // people, not signups
        Assert.Equal(rows.Count, rows.Select(r => r.GetProperty("adopt_email").GetString()).Distinct(StringComparer.Ordinal).Count());
        var last = rows.Select(r => DateTime.Parse(r.GetProperty("adopt_lastsignupon").GetString()!)).ToList();
        Assert.Equal(last.OrderByDescending(d => d), last);
        Assert.Contains(rows, r => r.GetProperty("adopt_name").GetString() == PanelSeed.XssName);
        var twice = rows.Single(r => r.GetProperty("adopt_email").GetString() == $"user{PanelSeed.RepeatEvery / 2:000}@contoso.com");
        Assert.Equal(2, twice.GetProperty("adopt_signups").GetInt32());
        // The account counts exactly the rows the score counts (the adoption model's contract).
        Assert.Equal(rows.Count(r => r.GetProperty("adopt_counted").GetBoolean()), account.Body.GetProperty("adopt_adoptercount").GetInt32());
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
