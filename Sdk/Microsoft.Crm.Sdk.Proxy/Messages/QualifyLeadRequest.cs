using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>QualifyLead: qualifies LeadId with Status, creating the account, contact and opportunity asked for.</summary>
    public sealed class QualifyLeadRequest : OrganizationRequest
    {
        public QualifyLeadRequest() { RequestName = "QualifyLead"; }

        public EntityReference LeadId
        {
            get { return Parameters.Contains("LeadId") ? (EntityReference)Parameters["LeadId"] : null; }
            set { Parameters["LeadId"] = value; }
        }

        public bool CreateAccount
        {
            get { return Parameters.Contains("CreateAccount") && (bool)Parameters["CreateAccount"]; }
            set { Parameters["CreateAccount"] = value; }
        }

        public bool CreateContact
        {
            get { return Parameters.Contains("CreateContact") && (bool)Parameters["CreateContact"]; }
            set { Parameters["CreateContact"] = value; }
        }

        public bool CreateOpportunity
        {
            get { return Parameters.Contains("CreateOpportunity") && (bool)Parameters["CreateOpportunity"]; }
            set { Parameters["CreateOpportunity"] = value; }
        }

        public EntityReference OpportunityCurrencyId
        {
            get { return Parameters.Contains("OpportunityCurrencyId") ? (EntityReference)Parameters["OpportunityCurrencyId"] : null; }
            set { Parameters["OpportunityCurrencyId"] = value; }
        }

        public EntityReference OpportunityCustomerId
        {
            get { return Parameters.Contains("OpportunityCustomerId") ? (EntityReference)Parameters["OpportunityCustomerId"] : null; }
            set { Parameters["OpportunityCustomerId"] = value; }
        }

        public EntityReference SourceCampaignId
        {
            get { return Parameters.Contains("SourceCampaignId") ? (EntityReference)Parameters["SourceCampaignId"] : null; }
            set { Parameters["SourceCampaignId"] = value; }
        }

        public EntityReference ProcessInstanceId
        {
            get { return Parameters.Contains("ProcessInstanceId") ? (EntityReference)Parameters["ProcessInstanceId"] : null; }
            set { Parameters["ProcessInstanceId"] = value; }
        }

        public OptionSetValue Status
        {
            get { return Parameters.Contains("Status") ? (OptionSetValue)Parameters["Status"] : null; }
            set { Parameters["Status"] = value; }
        }
    }

    public sealed class QualifyLeadResponse : OrganizationResponse
    {
        public QualifyLeadResponse() { ResponseName = "QualifyLead"; }

        public EntityReferenceCollection CreatedEntities
        {
            get { return Results.Contains("CreatedEntities") ? (EntityReferenceCollection)Results["CreatedEntities"] : null; }
        }
    }
}
