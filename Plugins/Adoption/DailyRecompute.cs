using System;
using System.Collections.Generic;
using System.Linq;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// The daily recompute (adopt_Rebuild with Scope "daily", called in a loop by the solution's scheduled
    /// cloud flow until the cookie comes back empty). Applies decay and window expiry as of now to every
    /// company and account that still counts people, without reading a lead: a company's buckets hold its
    /// people per day of their latest signup, which is all the score needs (docs/engine-design.md).
    /// Each execution does one bounded batch of one phase and returns the cookie of the next:
    /// 0. "r:" leads waiting to be linked again after a domain rule or own-domain change (RelinkSweep, 250 at a
    ///    time, until the queue is empty), so the companies below are recomputed with the change applied;
    /// 0b. "o:" a recompute from the leads, when a change of the window, thresholds or weights asked for one
    ///    (adopt_rebuildrequestedon): the organization rebuild's own batches (AdoptionRebuilder), its cookie
    ///    carried inside this one; the request is cleared when it is done;
    /// 1. "c:" companies counting people (adopt_people &gt; 0) not yet recomputed today (adopt_asof before
    ///    today, UTC), in id order, <see cref="CompanyBatch"/> at a time: each gets a Recompute request, so its
    ///    own step prunes and re-scores it under its row lock, marks the adopters who left the window as not
    ///    counted, and sends its change to its account (company → account, the usual lock order).
    /// 2. "s:" stragglers: adopters still counted whose latest signup is outside the window (a company whose
    ///    people had already dropped to 0 on a signup's write, or more leavers than one call marks), in id
    ///    order, <see cref="AdopterBatch"/> at a time; their companies get the same Recompute request.
    /// 3. "a:" accounts counting people whose score is not as of today, <see cref="AccountBatch"/> at a time:
    ///    an account request without a delta, so the account's step prunes and re-scores its buckets.
    /// A phase is done when a batch comes back short. Each execution ends well inside the 2-minute limit
    /// (learn.microsoft.com/power-apps/developer/data-platform/analyze-performance) and the loop lives in the
    /// flow, not in the plug-in: a plug-in that triggers itself gains Depth and is stopped at 8
    /// (learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.iexecutioncontext.depth). Running it twice on one day
    /// changes nothing the second time (the as-of filters), so a retried flow run is harmless.
    /// </summary>
    public sealed class DailyRecompute
    {
        public const int CompanyBatch = 100;
        public const int AdopterBatch = 250;
        public const int AccountBatch = 250;
        private const string RelinkPhase = "r:", RebuildPhase = "o:", CompanyPhase = "c:", StragglerPhase = "s:", AccountPhase = "a:";

        private readonly IOrganizationService _service;
        private readonly IRequestSender _sender;
        private readonly AdoptionSettings _settings;
        private readonly DateTime _now;
        private readonly Action<string> _trace;

        public DailyRecompute(IOrganizationService service, IRequestSender sender, AdoptionSettings settings, DateTime nowUtc, Action<string> trace)
        {
            _service = service;
            _sender = sender;
            _settings = settings;
            _now = nowUtc;
            _trace = trace ?? (_ => { });
        }

        /// <summary>One batch from <paramref name="cookie"/> (null or empty: the start); the result's cookie is null when the day's pass is done.</summary>
        public RebuildResult Run(string cookie)
        {
            cookie = string.IsNullOrEmpty(cookie) ? RelinkPhase : cookie;
            string phase = cookie.Length >= 2 ? cookie.Substring(0, 2) : "";
            if (phase == RebuildPhase) return Rebuild(cookie.Length > 2 ? cookie.Substring(2) : null);
            Guid after;
            Guid.TryParse(cookie.Substring(Math.Min(2, cookie.Length)), out after);
            switch (phase)
            {
                case RelinkPhase:
                    bool done;
                    int relinked = Linking.RelinkSweep.RunBatch(_service, _trace, out done);
                    return new RebuildResult(relinked, done ? RebuildPhase : RelinkPhase);
                case CompanyPhase: return Companies(after);
                case StragglerPhase: return Stragglers(after);
                case AccountPhase: return Accounts(after);
                default: throw new InvalidPluginExecutionException("Cookie: not a daily recompute cookie ('" + cookie + "'); start again without one.");
            }
        }

        private RebuildResult Rebuild(string inner)
        {
            var request = RebuildRequest();
            if (request == null) return new RebuildResult(0, CompanyPhase);
            var result = new AdoptionRebuilder(_service, _sender, _settings, _now, _trace).Run(RebuildScope.Organization, null, inner);
            if (result.Cookie != null) return new RebuildResult(result.Processed, RebuildPhase + result.Cookie);
            // Cleared only if no newer change asked again meanwhile (that one needs its own pass).
            if (Equals(RebuildRequest()?.GetAttributeValue<DateTime?>(AdoptionSettingsColumns.RebuildRequestedOn), request.GetAttributeValue<DateTime?>(AdoptionSettingsColumns.RebuildRequestedOn)))
                _service.Update(new Entity(AdoptionSettingsColumns.EntityName, request.Id) { [AdoptionSettingsColumns.RebuildRequestedOn] = null });
            _trace("Daily recompute: the requested recompute from the leads is done.");
            return new RebuildResult(result.Processed, CompanyPhase);
        }

        /// <summary>The active settings row when it requests a recompute from the leads, else null.</summary>
        private Entity RebuildRequest()
        {
            var query = new QueryExpression(AdoptionSettingsColumns.EntityName) { ColumnSet = new ColumnSet(AdoptionSettingsColumns.RebuildRequestedOn), TopCount = 1 };
            query.Criteria.AddCondition(AdoptionSettingsColumns.IsActive, ConditionOperator.Equal, true);
            query.Criteria.AddCondition(AdoptionSettingsColumns.RebuildRequestedOn, ConditionOperator.NotNull);
            var rows = _service.RetrieveMultiple(query).Entities;
            return rows.Count == 0 ? null : rows[0];
        }

        private RebuildResult Companies(Guid after)
        {
            var query = new QueryExpression(CompanyColumns.EntityName) { ColumnSet = new ColumnSet(CompanyColumns.Name), TopCount = CompanyBatch };
            query.Criteria.AddCondition(CompanyColumns.People, ConditionOperator.GreaterThan, 0);
            query.Criteria.AddCondition(CompanyColumns.AsOf, ConditionOperator.LessThan, _now.Date);
            if (after != Guid.Empty) query.Criteria.AddCondition(CompanyColumns.Id, ConditionOperator.GreaterThan, after);
            query.AddOrder(CompanyColumns.Id, OrderType.Ascending);
            var rows = _service.RetrieveMultiple(query).Entities;
            foreach (var row in rows) Recompute(row.Id, row.GetAttributeValue<string>(CompanyColumns.Name));
            _trace("Daily recompute: " + rows.Count + " compan(ies).");
            return new RebuildResult(rows.Count, rows.Count == CompanyBatch ? CompanyPhase + rows[rows.Count - 1].Id : StragglerPhase);
        }

        private RebuildResult Stragglers(Guid after)
        {
            var query = new QueryExpression(AdopterColumns.EntityName) { ColumnSet = new ColumnSet(AdopterColumns.CompanyId), TopCount = AdopterBatch };
            query.Criteria.AddCondition(AdopterColumns.Counted, ConditionOperator.Equal, true);
            query.Criteria.AddCondition(AdopterColumns.LastSignupOn, ConditionOperator.LessThan, AgedOutAdopters.FirstDay(_now, _settings.WindowDays));
            if (after != Guid.Empty) query.Criteria.AddCondition(AdopterColumns.Id, ConditionOperator.GreaterThan, after);
            query.AddOrder(AdopterColumns.Id, OrderType.Ascending);
            var rows = _service.RetrieveMultiple(query).Entities;
            var companies = rows.Select(r => r.GetAttributeValue<EntityReference>(AdopterColumns.CompanyId)).Where(c => c != null)
                .Select(c => c.Id).Distinct().OrderBy(id => id, GuidOrder.Instance).ToList();
            foreach (Guid companyId in companies)
            {
                var company = CompanyName(companyId);
                if (company != null) Recompute(companyId, company);
            }
            _trace("Daily recompute: " + rows.Count + " adopter(s) left the window at " + companies.Count + " compan(ies).");
            return new RebuildResult(rows.Count, rows.Count == AdopterBatch ? StragglerPhase + rows[rows.Count - 1].Id : AccountPhase);
        }

        private RebuildResult Accounts(Guid after)
        {
            var query = new QueryExpression(AccountColumns.EntityName) { ColumnSet = new ColumnSet(false), TopCount = AccountBatch };
            query.Criteria.AddCondition(AccountColumns.AdopterCount, ConditionOperator.GreaterThan, 0);
            query.Criteria.AddCondition(AccountColumns.ScoredOn, ConditionOperator.LessThan, _now.Date);
            if (after != Guid.Empty) query.Criteria.AddCondition(AccountColumns.Id, ConditionOperator.GreaterThan, after);
            query.AddOrder(AccountColumns.Id, OrderType.Ascending);
            var rows = _service.RetrieveMultiple(query).Entities;
            foreach (var row in rows)
                _sender.SendAccount(row.Id, new AccountRequest { Settings = _settings, RequestedOnUtc = _now });
            _trace("Daily recompute: " + rows.Count + " account(s).");
            return new RebuildResult(rows.Count, rows.Count == AccountBatch ? AccountPhase + rows[rows.Count - 1].Id : null);
        }

        // A company whose recompute fails fails the whole batch (its writes are in the Custom API's transaction, and a
        // failed call inside it cannot be caught and passed over: handle-exceptions), and so the flow's run. The error
        // names the company, so the admin knows which row, and which other solution's step, to look at.
        private void Recompute(Guid companyId, string domain)
        {
            try
            {
                _sender.SendCompany(companyId, domain, new CompanyRequest { Kind = CompanyRequestKind.Recompute, Domain = domain, Settings = _settings, RequestedOnUtc = _now }, createIfMissing: false);
            }
            catch (Exception e) when (!(e is InvalidPluginExecutionException ipe && ipe.Message.StartsWith(FailurePrefix, StringComparison.Ordinal)))
            {
                throw new InvalidPluginExecutionException(FailurePrefix + domain + " (" + companyId + ") failed: " + e.Message, e);
            }
        }

        private const string FailurePrefix = "Daily recompute of company ";

        private string CompanyName(Guid companyId)
        {
            var query = new QueryExpression(CompanyColumns.EntityName) { ColumnSet = new ColumnSet(CompanyColumns.Name), TopCount = 1 };
            query.Criteria.AddCondition(CompanyColumns.Id, ConditionOperator.Equal, companyId);
            var rows = _service.RetrieveMultiple(query).Entities;
            return rows.Count == 0 ? null : rows[0].GetAttributeValue<string>(CompanyColumns.Name);
        }
    }
}
