using System;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Backfill
{
    /// <summary>
    /// Puts a failed batch on its run: state Failed and the error with the phase it happened in. Written by the
    /// caller of adopt_Backfill after the batch's transaction rolled back (a batch cannot record its own failure:
    /// its writes go with it), so the continuation on the row is still where the failed batch started.
    /// </summary>
    public static class BackfillRunFailure
    {
        public static void Record(IOrganizationService service, Guid runId, string error)
        {
            var run = service.Retrieve(BackfillRunColumns.EntityName, runId, new ColumnSet(BackfillRunColumns.Phase));
            string text = (run.GetAttributeValue<string>(BackfillRunColumns.Phase) ?? "Starting") + ": " + (error ?? "unknown error");
            if (text.Length > BackfillRunColumns.LastErrorMaxLength) text = text.Substring(0, BackfillRunColumns.LastErrorMaxLength - 1) + "…";
            var row = new Entity(BackfillRunColumns.EntityName, runId);
            row[BackfillRunColumns.State] = new OptionSetValue((int)BackfillState.Failed);
            row[BackfillRunColumns.LastError] = text;
            service.Update(row);
        }
    }
}
