using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Plays
{
    /// <summary>Routes a task to a queue when no user can own it (the documented AddToQueue message).</summary>
    public static class TaskQueueRouter
    {
        public const string AddToQueueMessage = "AddToQueue";

        public static void AddToQueue(IOrganizationService service, EntityReference task, EntityReference queue)
        {
            var request = new OrganizationRequest(AddToQueueMessage);
            request["Target"] = task;
            request["DestinationQueueId"] = queue.Id;
            service.Execute(request);
        }
    }
}
