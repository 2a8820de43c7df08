using System;
using System.Collections.Generic;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// The company request for a lead's current state, whatever state it came from: "set" while it counts, "remove"
    /// for the person it would count for when open once it does not (a state change never changes the person).
    /// </summary>
    public static class LeadStateChange
    {
        public static IList<CompanyRequest> Requests(Entity lead, DateTime nowUtc)
        {
            var now = LeadSignup.Of(lead, lead.Id, nowUtc);
            var open = new Entity(lead.LogicalName, lead.Id);
            foreach (var column in lead.Attributes) open[column.Key] = column.Value;
            open[LeadColumns.StateCode] = new OptionSetValue(0);
            var asOpen = LeadSignup.Of(open, lead.Id, nowUtc);
            return LeadChanges.Between(now == null ? asOpen : null, now, lead.Id, LinkedAccount(lead), LinkedAccount(lead), nowUtc);
        }

        private static Guid? LinkedAccount(Entity lead)
        {
            var method = lead.GetAttributeValue<OptionSetValue>(LeadColumns.MatchMethod);
            var account = lead.GetAttributeValue<EntityReference>(LeadColumns.ParentAccountId);
            if (account == null || method == null || method.Value == (int)MatchMethod.Manual || method.Value == (int)MatchMethod.None) return null;
            return account.Id;
        }
    }
}
