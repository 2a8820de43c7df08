using System;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>Merge: folds SubordinateId into Target (UpdateContent applied to Target), then deactivates the subordinate.</summary>
    public sealed class MergeRequest : OrganizationRequest
    {
        public MergeRequest() { RequestName = "Merge"; }

        public EntityReference Target
        {
            get { return Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : null; }
            set { Parameters["Target"] = value; }
        }

        public Guid SubordinateId
        {
            get { return Parameters.Contains("SubordinateId") ? (Guid)Parameters["SubordinateId"] : default(Guid); }
            set { Parameters["SubordinateId"] = value; }
        }

        public Entity UpdateContent
        {
            get { return Parameters.Contains("UpdateContent") ? (Entity)Parameters["UpdateContent"] : null; }
            set { Parameters["UpdateContent"] = value; }
        }

        public bool PerformParentingChecks
        {
            get { return Parameters.Contains("PerformParentingChecks") && (bool)Parameters["PerformParentingChecks"]; }
            set { Parameters["PerformParentingChecks"] = value; }
        }
    }

    public sealed class MergeResponse : OrganizationResponse
    {
        public MergeResponse() { ResponseName = "Merge"; }
    }
}
