using System;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>AddToQueue: puts Target in DestinationQueueId (moving it from SourceQueueId when given).</summary>
    public sealed class AddToQueueRequest : OrganizationRequest
    {
        public AddToQueueRequest() { RequestName = "AddToQueue"; }

        public EntityReference Target
        {
            get { return Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : null; }
            set { Parameters["Target"] = value; }
        }

        public Guid SourceQueueId
        {
            get { return Parameters.Contains("SourceQueueId") ? (Guid)Parameters["SourceQueueId"] : default(Guid); }
            set { Parameters["SourceQueueId"] = value; }
        }

        public Guid DestinationQueueId
        {
            get { return Parameters.Contains("DestinationQueueId") ? (Guid)Parameters["DestinationQueueId"] : default(Guid); }
            set { Parameters["DestinationQueueId"] = value; }
        }

        public Entity QueueItemProperties
        {
            get { return Parameters.Contains("QueueItemProperties") ? (Entity)Parameters["QueueItemProperties"] : null; }
            set { Parameters["QueueItemProperties"] = value; }
        }
    }

    public sealed class AddToQueueResponse : OrganizationResponse
    {
        public AddToQueueResponse() { ResponseName = "AddToQueue"; }

        public Guid QueueItemId
        {
            get { return Results.Contains("QueueItemId") ? (Guid)Results["QueueItemId"] : default(Guid); }
        }
    }
}
