using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>SetState: sets statecode (State) and statuscode (Status) of EntityMoniker.</summary>
    public sealed class SetStateRequest : OrganizationRequest
    {
        public SetStateRequest() { RequestName = "SetState"; }

        public EntityReference EntityMoniker
        {
            get { return Parameters.Contains("EntityMoniker") ? (EntityReference)Parameters["EntityMoniker"] : null; }
            set { Parameters["EntityMoniker"] = value; }
        }

        public OptionSetValue State
        {
            get { return Parameters.Contains("State") ? (OptionSetValue)Parameters["State"] : null; }
            set { Parameters["State"] = value; }
        }

        public OptionSetValue Status
        {
            get { return Parameters.Contains("Status") ? (OptionSetValue)Parameters["Status"] : null; }
            set { Parameters["Status"] = value; }
        }
    }

    public sealed class SetStateResponse : OrganizationResponse
    {
        public SetStateResponse() { ResponseName = "SetState"; }
    }
}
