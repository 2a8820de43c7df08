using System;
using System.Linq;
using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Handover;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Backfill
{
    /// <summary>
    /// One batch of an install backfill run (adopt_backfillrun), the whole of one adopt_Backfill execution: one
    /// page of the run's current phase (websites, contacts, leads, one adopt_Rebuild execution, or counting), then
    /// the run's row with the counts added, the phase and where the next batch starts. The row is locked first
    /// (an Update of its state, the documented pre-lock:
    /// learn.microsoft.com/power-apps/developer/data-platform/scalable-customization-design/transaction-design-patterns),
    /// so two callers looping the same run take turns and the second starts where the first stopped. Everything
    /// a batch writes, the counts included, is in the execution's transaction: a batch that fails leaves nothing,
    /// and the next one starts where the failed one started, so nothing is lost or counted twice.
    /// </summary>
    public sealed class BackfillBatch
    {
        private static readonly string[] RunColumns = new[]
        {
            BackfillRunColumns.Cookie, BackfillRunColumns.IncludeContacts, BackfillRunColumns.StartedOn, BackfillRunColumns.FinishedOn,
        }.Concat(BackfillRunColumns.Counters).ToArray();

        private readonly IOrganizationService _service;
        private readonly bool _inTransaction;
        private readonly DateTime _now;
        private readonly Action<string> _trace;

        public BackfillBatch(IOrganizationService service, bool inTransaction, DateTime nowUtc, Action<string> trace)
        {
            _service = service;
            _inTransaction = inTransaction;
            _now = nowUtc;
            _trace = trace ?? (_ => { });
        }

        /// <returns>Where the run stands after this batch: its cursor (null = done) and what it added.</returns>
        public BackfillProgress Run(Guid runId)
        {
            var lockRow = new Entity(BackfillRunColumns.EntityName, runId);
            lockRow[BackfillRunColumns.State] = new OptionSetValue((int)BackfillState.Running);
            _service.Update(lockRow);
            var run = _service.Retrieve(BackfillRunColumns.EntityName, runId, new ColumnSet(RunColumns));
            var progress = new BackfillProgress();
            if (run.GetAttributeValue<DateTime?>(BackfillRunColumns.FinishedOn) != null)
            {
                // Finished before (a caller that looped once more): nothing to do, and the state stays Completed.
                var done = new Entity(BackfillRunColumns.EntityName, runId);
                done[BackfillRunColumns.State] = new OptionSetValue((int)BackfillState.Completed);
                _service.Update(done);
                return progress;
            }

            var cursor = BackfillCursor.Parse(run.GetAttributeValue<string>(BackfillRunColumns.Cookie));
            bool includeContacts = run.GetAttributeValue<bool?>(BackfillRunColumns.IncludeContacts) == true;
            var settings = SettingsReader.ReadActive(_service);
            _trace("Backfill " + runId + ": " + cursor);
            progress.Next = Step(cursor, includeContacts, settings, progress);
            progress.Add(BackfillRunColumns.Batches);
            Save(run, progress);
            return progress;
        }

        private BackfillCursor Step(BackfillCursor cursor, bool includeContacts, AdoptionSettings settings, BackfillProgress progress)
        {
            Guid? last;
            switch (cursor.Phase)
            {
                case BackfillCursor.Websites:
                    last = new WebsiteDomainBackfill(_service, settings, _trace).Run(cursor.AfterId, progress);
                    if (last != null) return new BackfillCursor(BackfillCursor.Websites, last.Value.ToString());
                    return new BackfillCursor(includeContacts ? BackfillCursor.Contacts : BackfillCursor.Leads, "");
                case BackfillCursor.Contacts:
                    last = new ContactDomainBackfill(_service, _trace).Run(cursor.AfterId, progress);
                    return new BackfillCursor(last != null ? BackfillCursor.Contacts : BackfillCursor.Leads, last?.ToString());
                case BackfillCursor.Leads:
                    last = new LeadLinkBackfill(_service, _trace).Run(cursor.AfterId, progress);
                    return new BackfillCursor(last != null ? BackfillCursor.Leads : BackfillCursor.Rebuild, last?.ToString());
                case BackfillCursor.Rebuild:
                    var rebuilt = new AdoptionRebuilder(_service, new RequestSender(_service, _inTransaction), settings, _now, _trace)
                        .Run(RebuildScope.Organization, null, cursor.Position.Length == 0 ? null : cursor.Position);
                    return new BackfillCursor(rebuilt.Cookie != null ? BackfillCursor.Rebuild : BackfillCursor.Claims, rebuilt.Cookie);
                case BackfillCursor.Claims:
                    string domain = new CompanyClaimBackfill(_service, _trace).Run(cursor.Position, progress);
                    return new BackfillCursor(domain != null ? BackfillCursor.Claims : BackfillCursor.Count, domain);
                default:
                    string next = new RowCountBackfill(_service).Run(cursor.Position, progress);
                    return next == null ? null : new BackfillCursor(BackfillCursor.Count, next);
            }
        }

        private void Save(Entity run, BackfillProgress progress)
        {
            var row = new Entity(BackfillRunColumns.EntityName, run.Id);
            foreach (var added in progress.Added)
                row[added.Key] = (run.GetAttributeValue<int?>(added.Key) ?? 0) + added.Value;
            string cookie = progress.Next?.ToString();
            if (cookie != null && cookie.Length > BackfillRunColumns.CookieMaxLength)
                throw new InvalidPluginExecutionException("The backfill's continuation is longer than its column (" + cookie.Length + " characters).");
            row[BackfillRunColumns.Cookie] = cookie;
            row[BackfillRunColumns.Phase] = BackfillProgress.Describe(progress.Next);
            if (run.GetAttributeValue<DateTime?>(BackfillRunColumns.StartedOn) == null) row[BackfillRunColumns.StartedOn] = _now;
            if (progress.Next == null)
            {
                row[BackfillRunColumns.FinishedOn] = _now;
                row[BackfillRunColumns.State] = new OptionSetValue((int)BackfillState.Completed);
            }
            _service.Update(row);
        }
    }
}
