using System;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// Whether a lead row is still there: a query by id, not a Retrieve, so a missing row is an answer, not a fault.
    /// Asked only when an adopter's latest signup becomes a lead other than the one the request is about (a
    /// removal of the person's newest signup): that lead may have been deleted with its own removal job not yet
    /// run, and a lookup to a deleted row is refused, which would fail the job that does not depend on it.
    /// </summary>
    public static class LeadExistence
    {
        public static bool Exists(IOrganizationService service, Guid leadId)
        {
            var query = new QueryExpression(LeadColumns.EntityName) { ColumnSet = new ColumnSet(false), TopCount = 1 };
            query.Criteria.AddCondition(LeadColumns.Id, ConditionOperator.Equal, leadId);
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }
    }
}
