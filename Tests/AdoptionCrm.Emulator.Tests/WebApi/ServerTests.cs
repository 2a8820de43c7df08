using System.Net;
using System.Net.Sockets;
using AdoptionCrm.Emulator.WebApi;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Tests.WebApi;

/// <summary>The server itself: caller identity through the pipeline, plug-in errors, FetchXML, static files, CORS, methods, start/stop.</summary>
public sealed class ServerTests
{
    [Fact]
    public async Task Requests_run_through_the_pipeline_as_the_caller_user()
    {
        var org = WebApiFixture.Create();
        var caller = org.CreateUser("Pat", "Reader");
        Guid? seenUser = null, seenInitiating = null;
        org.On("RetrieveMultiple", "lead", 20, (ctx, _, _) => { seenUser = ctx.UserId; seenInitiating = ctx.InitiatingUserId; });
        await using var server = await WebApiServer.StartAsync(org, caller);
        using var http = new HttpClient();
        var reply = await WebApiFixture.SendAsync(http, new Uri(server.BaseUrl, "leads?$select=fullname"));
        Assert.Equal(200, reply.Status);
        Assert.Equal(caller, seenUser);
        Assert.Equal(caller, seenInitiating);
    }

    [Fact]
    public async Task Plugin_error_returns_400_with_its_message_and_code()
    {
        var org = WebApiFixture.Create();
        org.On("Retrieve", "account", 40, (_, _, _) => throw new InvalidPluginExecutionException("Accounts are sealed today."));
        var id = org.SystemService.Create(new Entity("account") { ["name"] = "Sealed" });
        await using var server = await WebApiServer.StartAsync(org, org.SystemUserId);
        using var http = new HttpClient();
        var reply = await WebApiFixture.SendAsync(http, new Uri(server.BaseUrl, $"accounts({id})"));
        Assert.Equal(400, reply.Status);
        Assert.Equal("0x80040265", reply.ErrorCode);
        Assert.Equal("Accounts are sealed today.", reply.ErrorMessage);
    }

    [Fact]
    public async Task FetchXml_parameter_runs_the_fetch_with_morerecords_and_paging_cookie()
    {
        var org = WebApiFixture.Create();
        var account = org.SystemService.Create(new Entity("account") { ["name"] = "Fetched" });
        for (var i = 0; i < 3; i++)
            org.SystemService.Create(new Entity("lead") { ["lastname"] = $"F{i}", ["parentaccountid"] = new EntityReference("account", account) });
        await using var server = await WebApiServer.StartAsync(org, org.SystemUserId);
        using var http = new HttpClient();
        var fetch = $"<fetch count='2'><entity name='lead'><attribute name='lastname'/><attribute name='parentaccountid'/><order attribute='lastname'/>"
            + $"<filter><condition attribute='parentaccountid' operator='eq' value='{account}'/></filter></entity></fetch>";
        var reply = await WebApiFixture.SendAsync(http, new Uri(server.BaseUrl, "leads?fetchXml=" + Uri.EscapeDataString(fetch)), WebApiFixture.Annotations);
        Assert.Equal(200, reply.Status);
        Assert.Equal(new[] { "F0", "F1" }, reply.Column("lastname"));
        Assert.Equal(account.ToString(), reply.Rows[0].GetProperty("_parentaccountid_value").GetString());
        Assert.True(reply.Body.GetProperty("@Microsoft.Dynamics.CRM.morerecords").GetBoolean());
        Assert.Contains("pagingcookie=", reply.Body.GetProperty("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie").GetString());
        var wrongSet = await WebApiFixture.SendAsync(http, new Uri(server.BaseUrl, "accounts?fetchXml=" + Uri.EscapeDataString(fetch)));
        Assert.Equal(400, wrongSet.Status);
    }

    [Fact]
    public async Task Put_of_a_single_property_is_not_emulated_and_answers_501_naming_the_method()
    {
        var org = WebApiFixture.Create();
        await using var server = await WebApiServer.StartAsync(org, org.SystemUserId);
        using var http = new HttpClient();
        using var response = await http.PutAsync(new Uri(server.BaseUrl, $"accounts({Guid.NewGuid()})/name"), new StringContent("{\"value\":\"x\"}"));
        Assert.Equal(501, (int)response.StatusCode);
        Assert.Contains("PUT", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Static_files_are_served_from_dist_and_host_and_nothing_outside()
    {
        var root = Directory.CreateTempSubdirectory("webresources-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "dist", "adopt_", "adopters"));
            Directory.CreateDirectory(Path.Combine(root.FullName, "host"));
            await File.WriteAllTextAsync(Path.Combine(root.FullName, "dist", "adopt_", "adopters", "panel.js"), "console.log('panel');");
            await File.WriteAllTextAsync(Path.Combine(root.FullName, "host", "account-form.html"), "<!doctype html><title>host</title>");
            await File.WriteAllTextAsync(Path.Combine(root.FullName, "secret.txt"), "outside");
            var org = WebApiFixture.Create();
            await using var server = await WebApiServer.StartAsync(org, org.SystemUserId, 0, root.FullName);
            using var http = new HttpClient();
            using var js = await http.GetAsync(new Uri(server.Origin, "WebResources/adopt_/adopters/panel.js"));
            Assert.Equal(HttpStatusCode.OK, js.StatusCode);
            Assert.Equal("text/javascript", js.Content.Headers.ContentType!.MediaType);
            Assert.Equal("console.log('panel');", await js.Content.ReadAsStringAsync());
            using var html = await http.GetAsync(new Uri(server.Origin, "host/account-form.html?api=x&id=y"));
            Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
            using var escape = await http.GetAsync(new Uri(server.Origin, "host/%2E%2E/secret.txt"));
            Assert.Equal(HttpStatusCode.NotFound, escape.StatusCode);
            using var missing = await http.GetAsync(new Uri(server.Origin, "WebResources/nope.js"));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Cors_preflight_from_a_local_origin_is_allowed_and_other_origins_get_no_headers()
    {
        var org = WebApiFixture.Create();
        await using var server = await WebApiServer.StartAsync(org, org.SystemUserId);
        using var http = new HttpClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri(server.BaseUrl, "leads"));
        preflight.Headers.Add("Origin", "http://127.0.0.1:5173");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "prefer,odata-version");
        using var ok = await http.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.Equal("http://127.0.0.1:5173", ok.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Prefer", ok.Headers.GetValues("Access-Control-Allow-Headers").Single());
        var foreign = await WebApiFixture.SendAsync(http, new Uri(server.BaseUrl, "leads?$select=fullname"), configure: r => r.Headers.Add("Origin", "https://evil.example"));
        Assert.Equal(200, foreign.Status);
        Assert.Null(foreign.Header("Access-Control-Allow-Origin"));
        var local = await WebApiFixture.SendAsync(http, new Uri(server.BaseUrl, "leads?$select=fullname"), "odata.maxpagesize=1", r => r.Headers.Add("Origin", "http://localhost:3000"));
        Assert.Equal("http://localhost:3000", local.Header("Access-Control-Allow-Origin"));
        Assert.Contains("Preference-Applied", local.Header("Access-Control-Expose-Headers"));
    }

    [Fact]
    public async Task Port_zero_picks_a_free_port_and_stopping_releases_it()
    {
        var org = WebApiFixture.Create();
        var server = await WebApiServer.StartAsync(org, org.SystemUserId, port: 0);
        Assert.NotEqual(0, server.Port);
        Assert.Equal($"http://127.0.0.1:{server.Port}/api/data/v9.2/", server.BaseUrl.ToString());
        var port = server.Port;
        await server.DisposeAsync();
        await server.DisposeAsync(); // idempotent
        // The port is free again: a listener can take it.
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        listener.Stop();
    }

    [Fact]
    public async Task RunUntilCancelled_stops_the_server_when_cancelled()
    {
        var org = WebApiFixture.Create();
        var server = await WebApiServer.StartAsync(org, org.SystemUserId);
        using var cancel = new CancellationTokenSource();
        var run = server.RunUntilCancelledAsync(cancel.Token);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        Assert.Equal(200, (await WebApiFixture.SendAsync(http, new Uri(server.BaseUrl, "accounts"))).Status);
        cancel.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetAsync(new Uri(server.BaseUrl, "accounts")));
    }
}
