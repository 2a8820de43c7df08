using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>How ExecuteMultiple runs its batch: stop or go on after a fault, return responses or not.</summary>
    public sealed class ExecuteMultipleSettings : IExtensibleDataObject
    {
        public ExecuteMultipleSettings() { }

        public bool ContinueOnError { get; set; }
        public bool ReturnResponses { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>One entry of ExecuteMultipleResponse.Responses: the index of the request and its response or fault.</summary>
    public sealed class ExecuteMultipleResponseItem : IExtensibleDataObject
    {
        public ExecuteMultipleResponseItem() { }

        public int RequestIndex { get; set; }
        public OrganizationResponse Response { get; set; }
        public OrganizationServiceFault Fault { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }
    }

    public sealed class ExecuteMultipleResponseItemCollection : DataCollection<ExecuteMultipleResponseItem>
    {
        public ExecuteMultipleResponseItemCollection() { }
    }

    public sealed class OrganizationRequestCollection : DataCollection<OrganizationRequest>
    {
        public OrganizationRequestCollection() { }
    }

    public sealed class OrganizationResponseCollection : DataCollection<OrganizationResponse>
    {
        public OrganizationResponseCollection() { }
    }
}
