namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>Disassociate: unlinks Target and RelatedEntities through Relationship.</summary>
    public sealed class DisassociateRequest : OrganizationRequest
    {
        public DisassociateRequest() { RequestName = "Disassociate"; }

        public EntityReference Target
        {
            get { return Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : null; }
            set { Parameters["Target"] = value; }
        }

        public Relationship Relationship
        {
            get { return Parameters.Contains("Relationship") ? (Relationship)Parameters["Relationship"] : null; }
            set { Parameters["Relationship"] = value; }
        }

        public EntityReferenceCollection RelatedEntities
        {
            get { return Parameters.Contains("RelatedEntities") ? (EntityReferenceCollection)Parameters["RelatedEntities"] : null; }
            set { Parameters["RelatedEntities"] = value; }
        }
    }

    public sealed class DisassociateResponse : OrganizationResponse
    {
        public DisassociateResponse() { ResponseName = "Disassociate"; }
    }
}
