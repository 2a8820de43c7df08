using System;
using System.Collections.Generic;
using System.Linq;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// Applies one request to a company, inside the transaction that holds the company's row lock:
    /// 1. The person: read their adopter row (one query by id), set or remove the lead's entry in their
    ///    signup list, recompute the row from the list, and move their contribution in the company's day
    ///    buckets (out of the old latest day, into the new). Nothing grows with the company's size.
    /// 2. Auto-creation: a company without an account that reaches autoCreateMinPeople gets one (AccountAutoCreator).
    /// 3. The account: the company's change is sent to its account as a signed bucket delta; when the company
    ///    moved (its account is not the one it is counted in), its buckets leave the old account and join the
    ///    new. Accounts are updated after the company, in id order: the lock order is always company → accounts.
    ///    People whose latest signup left the window since the company's last write are uncounted on their rows.
    /// 4. The company's own columns, only those that changed (never adopt_pendingchange or adopt_accountid
    ///    unless auto-created, so the step does not start again).
    /// </summary>
    public sealed class CompanyRecompute
    {
        private readonly IOrganizationService _service;
        private readonly IRequestSender _sender;
        private readonly AdoptionSettings _settings;
        private readonly DateTime _now;
        private readonly Action<string> _trace;
        private readonly AdopterWriter _adopters;

        /// <summary>At most this many people leaving the window are uncounted by a signup's optimistic write.</summary>
        public const int PlannedUncountLimit = 100;

        public CompanyRecompute(IOrganizationService service, IRequestSender sender, AdoptionSettings settings, DateTime nowUtc, Action<string> trace)
        {
            _service = service;
            _sender = sender;
            _settings = settings;
            _now = nowUtc;
            _trace = trace ?? (_ => { });
            _adopters = new AdopterWriter(service);
        }

        public void Apply(CompanyState company, CompanyRequest request)
        {
            DayBuckets before = company.Buckets.Copy();
            before.Prune(_now, _settings.WindowDays);
            DayBuckets after = before.Copy();
            if (request != null && request.Kind == CompanyRequestKind.Person)
                ApplyPerson(company, request, after);
            // Days that left the window since the last write take their people out of the count: their rows too.
            // The daily recompute looks even when no day left now: rows an earlier write left counted (its straggler phase).
            if (request != null && request.Kind == CompanyRequestKind.Recompute)
                _trace(AgedOutAdopters.Uncount(_service, company.Id, _now, _settings.WindowDays) + " adopter(s) of " + company.Domain + " left the window.");
            else if (before.Count < company.Buckets.Count)
                _trace(AgedOutAdopters.Uncount(_service, company.Id, company.Buckets.DaysLeaving(_now, _settings.WindowDays)) + " adopter(s) of " + company.Domain + " left the window.");
            Finish(company, before, after, sendAccountsNow: true);
        }

        /// <summary>Steps 2-4 for a company whose buckets are now <paramref name="after"/>; returns the account requests (sent unless deferred).</summary>
        public IList<KeyValuePair<Guid, AccountRequest>> Finish(CompanyState company, DayBuckets before, DayBuckets after, bool sendAccountsNow)
        {
            after.Prune(_now, _settings.WindowDays);
            AdoptionSummary summary = ScoreCalculator.Compute(after, _now, _settings);
            Guid? accountId = company.AccountId;
            bool created = false;
            if (accountId == null && _settings.AutoCreateAccounts && summary.People >= _settings.AutoCreateMinPeople)
            {
                accountId = new AccountAutoCreator(_service, _trace).Create(company.Domain, _settings);
                created = accountId != null;
            }

            var requests = new List<KeyValuePair<Guid, AccountRequest>>();
            if (company.CountedAccountId == accountId)
            {
                var delta = after.Minus(before);
                if (accountId != null && !delta.IsEmpty) requests.Add(Request(accountId.Value, delta));
            }
            else
            {
                if (company.CountedAccountId != null && !before.IsEmpty) requests.Add(Request(company.CountedAccountId.Value, new DayBuckets().Minus(before)));
                if (accountId != null) requests.Add(Request(accountId.Value, after.Copy()));
                _trace("Company " + company.Domain + " moves from account " + company.CountedAccountId + " to " + accountId);
            }
            requests = requests.OrderBy(r => r.Key, GuidOrder.Instance).ToList();
            if (sendAccountsNow) foreach (var r in requests) _sender.SendAccount(r.Key, r.Value);

            var update = CompanyUpdate(company, after, summary, accountId, created);
            if (update.Attributes.Count > 0) _service.Update(update);
            _trace(string.Format("Company {0}: {1} people, score {2}, stage {3}", company.Domain, summary.People, summary.Score.Value, summary.Stage));
            return requests;
        }

        private void ApplyPerson(CompanyState company, CompanyRequest request, DayBuckets buckets)
        {
            Guid adopterId = RowIds.Adopter(request.Email, company.Domain);
            var change = new PersonChange(_adopters.Read(adopterId), request);
            // The person's newest signup is now another lead, which the stored row does not name yet: it may have
            // been deleted with its own removal still queued (the async service runs jobs roughly, not strictly,
            // in order: learn.microsoft.com/power-apps/developer/data-platform/asynchronous-service). A lead that
            // is gone counts nowhere, as in the rebuild; dropping its entry here makes its own removal a no-op.
            while (change.NeedsLeadCheck && !LeadExistence.Exists(_service, change.Now.LatestLeadId.Value))
            {
                _trace("Lead " + change.Now.LatestLeadId + " of " + request.Email + " is gone; its signup no longer counts.");
                change.Drop(change.Now.LatestLeadId.Value);
            }
            buckets.Add(change.Old.Contribution(_now, _settings.WindowDays), -1);
            buckets.Add(change.Now.Contribution(_now, _settings.WindowDays), 1);
            _adopters.Write(change.Stored, adopterId, change.List, change.Now, company.Id, company.AccountId, change.Now.CountedAt(_now, _settings.WindowDays));
        }

        /// <summary>
        /// The optimistic path (SignupPlan): what <see cref="Apply"/> would write for a person's request, computed from
        /// rows read without a lock (the company, the person's stored adopter, the company's counted account), as writes
        /// to send later with IfRowVersionMatches. Null when the request needs more than the adopter, company and account
        /// writes (no person request; the company moves between accounts; a lead must be checked for existence; an account
        /// may be auto-created; the counted account was not read; the company's row came without a RowVersion, which no
        /// page promises a query row carries; more than PlannedUncountLimit people leaving the window): those take the lock
        /// path, which does everything. Days that left the window are in the plan (UncountDays): their people are
        /// uncounted inside the same conditional Update.
        /// </summary>
        public SignupPlan Plan(CompanyState company, Entity storedAdopter, CompanyRequest request, Entity account)
        {
            if (request == null || request.Kind != CompanyRequestKind.Person || company.CountedAccountId != company.AccountId) return null;
            if (string.IsNullOrEmpty(company.Row.RowVersion)) return null;
            // One copy, pruned: the buckets before the change. The change's own delta is built from the person's two
            // contributions (DayBuckets.Change), which is exactly after − before, so neither is copied again.
            DayBuckets after = company.Buckets.Copy();
            after.Prune(_now, _settings.WindowDays);
            var uncountDays = company.Buckets.DaysLeaving(_now, _settings.WindowDays);
            // Many people leaving at once (a dormant company, a shorter window): uncounted once, under the company's lock,
            // rather than by an optimistic write that a refusal would roll back and repeat.
            if (company.Buckets.People - after.People > PlannedUncountLimit) return null;
            var change = new PersonChange(storedAdopter, request);
            if (change.NeedsLeadCheck) return null;
            var delta = DayBuckets.Change(change.Old.Contribution(_now, _settings.WindowDays), change.Now.Contribution(_now, _settings.WindowDays), _now, _settings.WindowDays);
            after.AddAll(delta, 1);
            AdoptionSummary summary = ScoreCalculator.Compute(after, _now, _settings);
            Guid? accountId = company.AccountId;
            if (accountId == null && _settings.AutoCreateAccounts && summary.People >= _settings.AutoCreateMinPeople) return null;

            Entity accountUpdate = null;
            AccountRequest accountRequest = null;
            if (accountId != null && !delta.IsEmpty)
            {
                if (account == null || account.Id != accountId.Value) return null;
                accountRequest = Request(accountId.Value, delta).Value;
                if (!string.IsNullOrEmpty(account.RowVersion)) accountUpdate = AccountChanges(account, delta);
            }
            Guid adopterId = RowIds.Adopter(request.Email, company.Domain);
            var adopter = AdopterWriter.Plan(change.Stored, adopterId, change.List, change.Now, company.Id, accountId, change.Now.CountedAt(_now, _settings.WindowDays));
            var companyUpdate = CompanyUpdate(company, after, summary, accountId, created: false);
            companyUpdate.RowVersion = company.Row.RowVersion;
            _trace(string.Format("Planned company {0}: {1} people, score {2}, stage {3}", company.Domain, summary.People, summary.Score.Value, summary.Stage));
            return new SignupPlan(companyUpdate, adopter, accountId, accountUpdate, accountRequest, uncountDays);
        }

        /// <summary>The account's new summary columns with <paramref name="delta"/> added, as AccountSummaryUpdater.Apply computes them under the account's lock.</summary>
        private Entity AccountChanges(Entity account, DayBuckets delta)
        {
            DayBuckets buckets = DayBuckets.Parse(account.GetAttributeValue<string>(AccountColumns.AdoptionBuckets));
            buckets.Prune(_now, _settings.WindowDays);
            buckets.AddAll(delta, 1);
            buckets.Prune(_now, _settings.WindowDays);
            Entity update = AccountSummaryUpdater.Changes(account, buckets, _settings, _now);
            update[AccountColumns.ScoredOn] = _now;   // as the lock path's request does
            update.RowVersion = account.RowVersion;
            return update;
        }

        private Entity CompanyUpdate(CompanyState company, DayBuckets after, AdoptionSummary summary, Guid? accountId, bool created)
        {
            var update = new Entity(CompanyColumns.EntityName, company.Id);
            var row = company.Row;
            ColumnValues.SetIfChanged(row, update, CompanyColumns.Buckets, after.ToString());
            ColumnValues.SetIfChanged(row, update, CompanyColumns.People, summary.People);
            ColumnValues.SetIfChanged(row, update, CompanyColumns.RecentPeople, summary.RecentPeople);
            ColumnValues.SetIfChanged(row, update, CompanyColumns.Score, summary.Score.Value);
            ColumnValues.SetIfChanged(row, update, CompanyColumns.Stage, new OptionSetValue((int)summary.Stage));
            ColumnValues.SetIfChanged(row, update, CompanyColumns.Explanation, Clip(Explain(company, summary, accountId), CompanyColumns.ExplanationMaxLength));
            ColumnValues.SetIfChanged(row, update, CompanyColumns.AsOf, _now);
            ColumnValues.SetIfChanged(row, update, CompanyColumns.CountedAccountId, accountId.HasValue ? new EntityReference(AccountColumns.EntityName, accountId.Value) : null);
            if (created) update[CompanyColumns.AccountId] = new EntityReference(AccountColumns.EntityName, accountId.Value);
            return update;
        }

        private KeyValuePair<Guid, AccountRequest> Request(Guid accountId, DayBuckets delta) =>
            new KeyValuePair<Guid, AccountRequest>(accountId, new AccountRequest { Delta = delta, Settings = _settings, RequestedOnUtc = _now });

        private string Explain(CompanyState company, AdoptionSummary summary, Guid? accountId) =>
            summary.Score.Explanation + (accountId == null ? " No account yet: the company is on the prospecting list." : "");

        private static string Clip(string text, int max) => text == null || text.Length <= max ? text : text.Substring(0, max - 1) + "…";
    }
}
