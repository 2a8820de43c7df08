using Microsoft.OData.Edm;
using AdoptionCrm.Emulator.Tests.CustomApis;
using AdoptionCrm.Emulator.WebApi;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests.WebApi;

/// <summary>Custom APIs over the Web API: unbound and bound actions (POST), functions (GET), typed parameters and answers.</summary>
public sealed class ActionTests : ServedOrganizationTests
{
    public ActionTests() : base(CustomApiFixture.Create()) { }

    [Fact]
    public async Task Unbound_action_is_posted_with_typed_parameters_and_answers_its_response_properties()
    {
        var reply = await Send(HttpMethod.Post, "test_Echo", new { Text = "ab", Times = 2 });
        Assert.Equal(200, reply.Status);
        Assert.EndsWith("$metadata#Microsoft.Dynamics.CRM.test_EchoResponse", reply.Body.GetProperty("@odata.context").GetString());
        Assert.Equal(("abab", 4), (reply.Body.GetProperty("Echoed").GetString(), reply.Body.GetProperty("Length").GetInt32()));
    }

    [Fact]
    public async Task Action_entity_reference_parameter_is_given_by_odata_type_and_primary_key()
    {
        var account = Org.SystemService.Create(new Entity("account") { ["name"] = "Contoso" });
        var reply = await Send(HttpMethod.Post, "test_Echo", new Dictionary<string, object>
        {
            ["Text"] = "x", ["Account"] = new Dictionary<string, object> { ["@odata.type"] = "Microsoft.Dynamics.CRM.account", ["accountid"] = account },
        });
        Assert.Equal(200, reply.Status);
    }

    [Fact]
    public async Task Action_parameter_errors_answer_400_in_Dataverse_shape()
    {
        Assert.Contains("'Text'", (await Send(HttpMethod.Post, "test_Echo", new { Times = 1 })).ErrorMessage);
        Assert.Contains("not a valid parameter", (await Send(HttpMethod.Post, "test_Echo", new { Text = "a", Loud = true })).ErrorMessage);
        Assert.Equal(400, (await Send(HttpMethod.Post, "test_Echo", new { Text = 5 })).Status);
    }

    [Fact]
    public async Task Action_plugin_error_answers_400_IsvAborted_and_rolls_back()
    {
        var reply = await Send(HttpMethod.Post, "test_Echo", new { Text = "fail" });
        Assert.Equal((400, "0x80040265", "echo refused"), (reply.Status, reply.ErrorCode, reply.ErrorMessage));
        Assert.Equal(0, Org.Store.CommittedCount("task"));
    }

    [Fact]
    public async Task Bound_action_is_posted_on_its_row_with_the_namespace_qualified_name()
    {
        var account = Org.SystemService.Create(new Entity("account") { ["name"] = "Contoso" });
        var reply = await Send(HttpMethod.Post, $"accounts({account})/Microsoft.Dynamics.CRM.test_Stamp", new { Note = "from the web" });
        Assert.Equal(200, reply.Status);
        Assert.Equal("from the web", reply.Body.GetProperty("Description").GetString());
        Assert.Equal("from the web", Org.SystemService.Retrieve("account", account, new ColumnSet("description"))["description"]);
        Assert.Equal(400, (await Send(HttpMethod.Post, "test_Stamp", new { Note = "unbound call" })).Status);
    }

    [Fact]
    public async Task Function_is_called_with_GET_and_an_action_is_refused_on_GET()
    {
        var reply = await WebApiFixture.SendAsync(Http, new Uri(Server.BaseUrl, "test_Ping()"));
        Assert.Equal(200, reply.Status);
        Assert.True(reply.Body.GetProperty("Pong").GetBoolean());
        Assert.Equal(405, (await WebApiFixture.SendAsync(Http, new Uri(Server.BaseUrl, "test_Echo(Text='a')"))).Status);
        Assert.Equal(405, (await Send(HttpMethod.Post, "test_Ping")).Status);
    }

    [Fact]
    public async Task Action_without_response_properties_answers_204()
    {
        Assert.Equal(204, (await Send(HttpMethod.Post, "test_Event", new { Payload = "p" })).Status);
    }

    [Fact]
    public async Task Metadata_document_is_CSDL_with_entity_sets_keys_and_the_Custom_APIs_as_actions_and_functions()
    {
        using var response = await Http.GetAsync(new Uri(Server.BaseUrl, "$metadata"));
        Assert.Equal(200, (int)response.StatusCode);
        using var xml = System.Xml.XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var model = Microsoft.OData.Edm.Csdl.CsdlReader.Parse(xml);
        var accounts = model.EntityContainer.FindEntitySet("accounts");
        Assert.Equal("accountid", Assert.Single(accounts.EntityType.Key()).Name);
        Assert.NotNull(accounts.EntityType.FindProperty("_parentaccountid_value"));
        var echo = Assert.Single(model.FindDeclaredOperations("Microsoft.Dynamics.CRM.test_Echo"));
        Assert.IsAssignableFrom<IEdmAction>(echo);
        Assert.Equal(new[] { "Account", "Text", "Times" }, echo.Parameters.Select(p => p.Name).OrderBy(n => n));
        Assert.NotNull(model.FindDeclaredType("Microsoft.Dynamics.CRM.test_EchoResponse"));
        var stamp = Assert.Single(model.FindDeclaredOperations("Microsoft.Dynamics.CRM.test_Stamp"));
        Assert.True(stamp.IsBound);
        Assert.IsAssignableFrom<IEdmFunction>(Assert.Single(model.FindDeclaredOperations("Microsoft.Dynamics.CRM.test_Ping")));
    }
}
