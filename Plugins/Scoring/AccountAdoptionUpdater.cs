using System;
using System.Collections.Generic;
using System.Linq;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using AdoptionCrm.Plugins.Tasks;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Scoring
{
    /// <summary>
    /// Applies one signup change to its account, inside the account's own Update (docs/engine-design.md):
    /// the lead step's Update of adopt_scoredon took the row lock, and the platform's post-image of that
    /// Update is the account's state under the lock. So: (read the person's other signups for a removal
    /// only) → ledger → one write of the columns that changed → the task, when a rise earns one. The work
    /// of an arrival is the same whatever the account's size: the ledger is bounded by the window and its cap.
    /// </summary>
    public sealed class AccountAdoptionUpdater
    {
        /// <summary>The account columns the scoring reads: the step's post-image holds exactly these.</summary>
        public const string ImageColumns = AccountColumns.Name + "," + AccountColumns.OwnerId + "," + AccountColumns.AdoptionLedger + ","
            + AccountColumns.AdoptionStage + "," + AccountColumns.TaskedStage + "," + AccountColumns.LastTaskOn + "," + AccountColumns.AdopterCount + ","
            + AccountColumns.AdoptionScore + "," + AccountColumns.ScoreExplanation;

        private readonly IOrganizationService _service;
        private readonly AdoptionSettings _settings;
        private readonly Action<string> _trace;

        public AccountAdoptionUpdater(IOrganizationService service, AdoptionSettings settings, Action<string> trace)
        {
            _service = service;
            _settings = settings;
            _trace = trace ?? (_ => { });
        }

        /// <param name="tag">The change and what the lead step already knows.</param>
        /// <param name="account">The account after the lock Update (post-image, <see cref="ImageColumns"/>).</param>
        public void Apply(SignupTag tag, Entity account, DateTime nowUtc)
        {
            SignupChange change = tag.Change;
            DateTime windowStart = AdoptionLedger.WindowStart(nowUtc, _settings.WindowDays);
            AdoptionLedger ledger = AdoptionLedger.Parse(account.GetAttributeValue<string>(AccountColumns.AdoptionLedger));
            ledger.Prune(windowStart);
            // An arrival is decided from the ledger alone (it tracks the people in the window); only a removal
            // needs the person's other signups, and reads them here, under the lock.
            if (change.Adding) ledger.AddSignup(change.NormalizedEmail, change.SignupOnUtc, change.Usage, change.Invitations, windowStart, change.LeadId);
            else ledger.RemoveSignup(change.NormalizedEmail, change.SignupOnUtc, OtherLatestSignup(change), change.Usage, change.Invitations, windowStart, change.LeadId);

            var previous = StageOf(account, AccountColumns.AdoptionStage);
            var tasked = StageOf(account, AccountColumns.TaskedStage);
            int adopters = ledger.People;
            AdoptionStage next = StageRules.Next(previous, adopters, _settings);
            AdoptionScore score = ScoreCalculator.Compute(ledger, nowUtc, _settings);
            DateTime? lastTaskOn = account.GetAttributeValue<DateTime?>(AccountColumns.LastTaskOn);
            bool createTask = TaskRules.ShouldCreateTask(previous, next, tasked, lastTaskOn, nowUtc, _settings);
            _trace(string.Format("Account {0}: {1} adopters, stage {2} -> {3}, score {4}, task {5}", change.AccountId, adopters, previous, next, score.Value, createTask));

            // Never the lock columns (adopt_scoredon): this write must not start the step again.
            var update = new Entity(AccountColumns.EntityName, change.AccountId);
            SetIfChanged(account, update, AccountColumns.AdoptionLedger, ledger.ToString());
            SetIfChanged(account, update, AccountColumns.AdopterCount, adopters);
            SetIfChanged(account, update, AccountColumns.AdoptionScore, score.Value);
            SetIfChanged(account, update, AccountColumns.ScoreExplanation, score.Explanation);
            if (next != previous)
            {
                update[AccountColumns.AdoptionStage] = new OptionSetValue((int)next);
                update[AccountColumns.StageReachedOn] = nowUtc;
            }
            if (createTask)
            {
                if (next > tasked) update[AccountColumns.TaskedStage] = new OptionSetValue((int)next);
                update[AccountColumns.LastTaskOn] = nowUtc;
            }
            if (update.Attributes.Count > 0) _service.Update(update);
            else _trace("Nothing changed on the account; no write.");
            if (createTask) CreateTask(account, tag, change.AccountId, next, adopters, score, ledger.Recent.LeadIds, nowUtc);
        }

        // A removal (delete, disqualify, email change, move away): the person's latest other counted signup here,
        // read under the lock (committed state after every earlier change of this account), so two removals of one
        // person cannot both keep them. Rare; filtered on the account and the email, it costs what the platform's
        // plan for that filter costs (see docs/engine-design.md, "Changes").
        private DateTime? OtherLatestSignup(SignupChange change)
        {
            if (string.IsNullOrEmpty(change.NormalizedEmail)) return null;
            var query = new QueryExpression(LeadColumns.EntityName) { ColumnSet = new ColumnSet(LeadColumns.CreatedOn), TopCount = 1 };
            query.Criteria.AddCondition(LeadColumns.ParentAccountId, ConditionOperator.Equal, change.AccountId);
            query.Criteria.AddCondition(LeadColumns.NormalizedEmail, ConditionOperator.Equal, change.NormalizedEmail);
            query.Criteria.AddCondition(LeadColumns.Id, ConditionOperator.NotEqual, change.LeadId);
            query.Criteria.AddCondition(LeadColumns.StateCode, ConditionOperator.NotEqual, LeadColumns.StateDisqualified);
            query.AddOrder(LeadColumns.CreatedOn, OrderType.Descending);
            var row = _service.RetrieveMultiple(query).Entities.FirstOrDefault();
            return row == null ? null : row.GetAttributeValue<DateTime?>(LeadColumns.CreatedOn);
        }

        private void CreateTask(Entity account, SignupTag tag, Guid accountId, AdoptionStage stage, int adopters, AdoptionScore score, IList<Guid> recentLeads, DateTime nowUtc)
        {
            // Owner type comes from the image's ownerid; "disabled" from the claims read, if it was about this owner.
            var ownerRef = account.GetAttributeValue<EntityReference>(AccountColumns.OwnerId);
            bool? disabled = ownerRef != null && tag.OwnerId == ownerRef.Id ? tag.OwnerIsDisabled : null;
            var owner = TaskOwnerResolver.Resolve(ownerRef, disabled, _settings);
            var reference = new EntityReference(AccountColumns.EntityName, accountId);
            var task = TaskComposer.Compose(reference, account.GetAttributeValue<string>(AccountColumns.Name), stage, adopters, score,
                LatestAdopters(recentLeads), owner, nowUtc, _settings);
            Guid taskId = _service.Create(task);
            _trace("Created task " + taskId + " for " + stage + ", assigned to " + owner.Why);
            if (owner.Queue != null) TaskQueueRouter.AddToQueue(_service, new EntityReference(TaskColumns.EntityName, taskId), owner.Queue);
        }

        // Only on the task path (a handful of times in an account's life): the newest adopters for the rep, read by
        // id from the ledger's list (at most 15 rows whatever the account's size), newest first.
        private IList<string> LatestAdopters(IList<Guid> recentLeads)
        {
            if (recentLeads.Count == 0) return new List<string>();
            var query = new QueryExpression(LeadColumns.EntityName) { ColumnSet = new ColumnSet(LeadColumns.NormalizedEmail) };
            query.Criteria.AddCondition(LeadColumns.Id, ConditionOperator.In, recentLeads.Cast<object>().ToArray());
            query.Criteria.AddCondition(LeadColumns.StateCode, ConditionOperator.NotEqual, LeadColumns.StateDisqualified);
            var emails = _service.RetrieveMultiple(query).Entities.ToDictionary(e => e.Id, e => e.GetAttributeValue<string>(LeadColumns.NormalizedEmail));
            string email;
            return recentLeads.Where(id => emails.TryGetValue(id, out email) && !string.IsNullOrEmpty(email))
                .Select(id => emails[id]).Distinct(StringComparer.Ordinal).ToList();
        }

        private static AdoptionStage StageOf(Entity row, string column)
        {
            var value = row.GetAttributeValue<OptionSetValue>(column);
            return value == null || !Enum.IsDefined(typeof(AdoptionStage), value.Value) ? AdoptionStage.None : (AdoptionStage)value.Value;
        }

        private static void SetIfChanged(Entity row, Entity update, string column, object value)
        {
            object current;
            row.Attributes.TryGetValue(column, out current);
            if (Equals(current, value)) return;
            if (current == null && value is string && ((string)value).Length == 0) return;
            update[column] = value;
        }
    }
}
