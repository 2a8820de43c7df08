using AdoptionCrm.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Tests;

/// <summary>AddToQueue and queueitem, the "tag" optional parameter, and post-images taken under the row lock.</summary>
public class QueueTagAndImageTests
{
    private readonly EmulatedOrganization _org = TestOrg.Create();
    private IOrganizationService Service => _org.SystemService;

    [Fact]
    public void AddToQueue_creates_a_queue_item_and_a_second_call_moves_it()
    {
        var first = Service.Create(new Entity("queue") { ["name"] = "Unassigned adoption" });
        var second = Service.Create(new Entity("queue") { ["name"] = "Overflow" });
        var task = Service.Create(new Entity("task") { ["subject"] = "Call Contoso" });

        var itemId = AddToQueue(task, first);
        var item = Service.Retrieve("queueitem", itemId, new ColumnSet("queueid", "objectid"));
        Assert.Equal(first, item.GetAttributeValue<EntityReference>("queueid").Id);
        Assert.Equal(("task", task), (item.GetAttributeValue<EntityReference>("objectid").LogicalName, item.GetAttributeValue<EntityReference>("objectid").Id));

        Assert.Equal(itemId, AddToQueue(task, second));
        var items = Service.RetrieveMultiple(new QueryExpression("queueitem") { ColumnSet = new ColumnSet("queueid") }).Entities;
        Assert.Equal(second, Assert.Single(items).GetAttributeValue<EntityReference>("queueid").Id);
    }

    // The SDK here has no AddToQueueRequest class: the message by name, with its documented parameters.
    private Guid AddToQueue(Guid task, Guid queue) =>
        (Guid)Service.Execute(new OrganizationRequest("AddToQueue") { ["Target"] = new EntityReference("task", task), ["DestinationQueueId"] = queue }).Results["QueueItemId"];

    [Fact]
    public void AddToQueue_refuses_a_missing_queue()
    {
        var task = Service.Create(new Entity("task") { ["subject"] = "Call" });
        TestOrg.Fault(() => AddToQueue(task, Guid.NewGuid()));
        Assert.Empty(Service.RetrieveMultiple(new QueryExpression("queueitem")).Entities);
    }

    [Fact]
    public void Tag_of_a_nested_request_reaches_its_own_steps_as_a_shared_variable_in_every_stage()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var seen = new List<(int Stage, object? Tag)>();
        _org.On("Update", "account", 10, (c, f, t) => seen.Add((c.Stage, c.SharedVariables.TryGetValue("tag", out var v) ? v : null)));
        _org.On("Update", "account", 20, (c, f, t) => seen.Add((c.Stage, c.SharedVariables.TryGetValue("tag", out var v) ? v : null)));
        _org.On("Update", "account", 40, (c, f, t) => seen.Add((c.Stage, c.SharedVariables.TryGetValue("tag", out var v) ? v : null)));
        // A lead step calls Update of the account with a tag, as a plug-in would.
        _org.On("Create", "lead", 40, (c, f, t) =>
        {
            var request = new UpdateRequest { Target = new Entity("account", account) { ["description"] = "signal" } };
            request["tag"] = "signup:ann";
            f.CreateOrganizationService(null).Execute(request);
            Assert.False(c.SharedVariables.ContainsKey("tag")); // the caller's own variables are not touched
        });
        Service.Create(new Entity("lead") { ["lastname"] = "Ann" });
        Assert.Equal(new (int, object?)[] { (10, "signup:ann"), (20, "signup:ann"), (40, "signup:ann") }, seen);
    }

    [Fact]
    public void Post_image_is_read_after_the_main_operation_under_the_row_lock_so_a_counter_kept_from_it_is_exact()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso", ["numberofemployees"] = 0 });
        // Signal column websiteurl; the step reads the count from the post-image and writes it + 1 (not the signal: no loop).
        _org.On("Update", "account", 40, (c, f, t) =>
        {
            var image = c.PostEntityImages["PostImage"];
            Thread.Sleep(1); // widen the window between the image and the write
            f.CreateOrganizationService(null).Update(new Entity("account", account) { ["numberofemployees"] = image.GetAttributeValue<int>("numberofemployees") + 1 });
        }, filtering: new[] { "websiteurl" }, post: new ImageDefinition("PostImage", new[] { "numberofemployees" }));
        const int threads = 8, each = 5;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            for (var n = 0; n < each; n++) Service.Update(new Entity("account", account) { ["websiteurl"] = $"t{i}-{n}.example" });
        });
        Assert.Equal(threads * each, Service.Retrieve("account", account, new ColumnSet("numberofemployees")).GetAttributeValue<int>("numberofemployees"));
    }
}
