using System;
using System.Linq;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Backfill
{
    /// <summary>
    /// The run a caller without a run id goes on with (the continuation flow): the oldest active run that is Queued
    /// or Running and not finished. A Failed run waits for a person (its Last Error says why); setting its State
    /// back to Queued puts it in line again.
    /// </summary>
    public static class BackfillRunQueue
    {
        public static Guid? Next(IOrganizationService service)
        {
            var query = new QueryExpression(BackfillRunColumns.EntityName) { ColumnSet = new ColumnSet(false), TopCount = 1 };
            query.Criteria.AddCondition(BackfillRunColumns.StateCode, ConditionOperator.Equal, 0);
            query.Criteria.AddCondition(BackfillRunColumns.FinishedOn, ConditionOperator.Null);
            query.Criteria.AddCondition(BackfillRunColumns.State, ConditionOperator.In, (int)BackfillState.Queued, (int)BackfillState.Running);
            query.AddOrder(BackfillRunColumns.CreatedOn, OrderType.Ascending);
            var row = service.RetrieveMultiple(query).Entities.FirstOrDefault();
            return row == null ? (Guid?)null : row.Id;
        }
    }
}
