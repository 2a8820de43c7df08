using System;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Plays
{
    /// <summary>
    /// Whether the account is still there when an asynchronous step runs: a job queued by a stage change can run
    /// after the account was deleted (or merged away), and then has nothing to record or task.
    /// </summary>
    public static class AccountExistence
    {
        public static bool Exists(IOrganizationService service, Guid accountId)
        {
            var query = new QueryExpression(AccountColumns.EntityName) { ColumnSet = new ColumnSet(false), TopCount = 1 };
            query.Criteria.AddCondition(AccountColumns.Id, ConditionOperator.Equal, accountId);
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }
    }
}
