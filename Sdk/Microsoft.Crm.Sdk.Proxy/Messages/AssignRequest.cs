using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>Assign: gives Target to Assignee. Properties read and write Parameters, so either view works.</summary>
    public sealed class AssignRequest : OrganizationRequest
    {
        public AssignRequest() { RequestName = "Assign"; }

        public EntityReference Target
        {
            get { return Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : null; }
            set { Parameters["Target"] = value; }
        }

        public EntityReference Assignee
        {
            get { return Parameters.Contains("Assignee") ? (EntityReference)Parameters["Assignee"] : null; }
            set { Parameters["Assignee"] = value; }
        }
    }

    public sealed class AssignResponse : OrganizationResponse
    {
        public AssignResponse() { ResponseName = "Assign"; }
    }
}
