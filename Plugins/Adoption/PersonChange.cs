using System;
using Microsoft.Xrm.Sdk;
using AdoptionCrm.Plugins.Model;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// One request applied to a person's stored signup list: the person's facts before and after. Pure (no call);
    /// the lock path and the optimistic plan both start from it.
    /// </summary>
    public sealed class PersonChange
    {
        private readonly CompanyRequest _request;
        private readonly Guid? _storedLatest;

        public PersonChange(Entity stored, CompanyRequest request)
        {
            _request = request;
            Stored = stored;
            List = SignupList.Parse(stored == null ? null : stored.GetAttributeValue<string>(AdopterColumns.SignupList));
            Old = AdopterFacts.Of(List, request.Email);
            if (request.Entry == null) List.Remove(request.LeadId);
            else List.Set(request.Entry);
            Now = AdopterFacts.Of(List, request.Email);
            _storedLatest = stored == null ? null : (Guid?)(stored.GetAttributeValue<EntityReference>(AdopterColumns.LatestLeadId)?.Id);
        }

        public Entity Stored { get; private set; }
        public SignupList List { get; private set; }
        public AdopterFacts Old { get; private set; }
        public AdopterFacts Now { get; private set; }

        /// <summary>The person's newest signup is now a lead other than the request's that the stored row does not name yet.</summary>
        public bool NeedsLeadCheck => Now.LatestLeadId.HasValue && Now.LatestLeadId != _request.LeadId && Now.LatestLeadId != _storedLatest;

        /// <summary>Drops a lead that no longer exists from the list.</summary>
        public void Drop(Guid leadId)
        {
            List.Remove(leadId);
            Now = AdopterFacts.Of(List, _request.Email);
        }
    }
}
