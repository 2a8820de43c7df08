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
    /// Applies one signup change to its account with the lock → read → write pattern (docs/engine-design.md):
    ///   1. Update the account's adopt_scoredon (and adopt_lastsignupon for an arrival) to take its row lock;
    ///      concurrent changes for the same account queue there until this transaction commits.
    ///   2. One query under the lock: the account's ledger, stage and task state, its owner's state,
    ///      and the person's latest other counted lead at this account.
    ///   3. Update only the columns that changed; 4. the task, when a rise earns one.
    /// The work is the same whatever the account's size: the ledger is bounded by the window.
    /// </summary>
    public sealed class AccountAdoptionUpdater
    {
        private const string OwnerAlias = "owner";
        private const string OtherLeadAlias = "other";
        private const int AdoptersInTask = 15;

        private readonly IOrganizationService _service;
        private readonly AdoptionSettings _settings;
        private readonly Action<string> _trace;

        public AccountAdoptionUpdater(IOrganizationService service, AdoptionSettings settings, Action<string> trace)
        {
            _service = service;
            _settings = settings;
            _trace = trace ?? (_ => { });
        }

        public void Apply(SignupChange change, DateTime nowUtc)
        {
            Lock(change, nowUtc);
            Entity row = ReadUnderLock(change);
            if (row == null) { _trace("Account " + change.AccountId + " is gone; nothing to score."); return; }

            DateTime windowStart = AdoptionLedger.WindowStart(nowUtc, _settings.WindowDays);
            AdoptionLedger ledger = AdoptionLedger.Parse(row.GetAttributeValue<string>(AccountColumns.AdoptionLedger));
            ledger.Prune(windowStart);
            DateTime? otherLatest = Aliased<DateTime?>(row, OtherLeadAlias, LeadColumns.CreatedOn);
            if (change.Adding) ledger.AddSignup(change.NormalizedEmail, change.SignupOnUtc, otherLatest, change.Usage, change.Invitations, windowStart);
            else ledger.RemoveSignup(change.NormalizedEmail, change.SignupOnUtc, otherLatest, change.Usage, change.Invitations, windowStart);

            var previous = StageOf(row, AccountColumns.AdoptionStage);
            var tasked = StageOf(row, AccountColumns.TaskedStage);
            int adopters = ledger.People;
            AdoptionStage next = StageRules.Next(previous, adopters, _settings);
            AdoptionScore score = ScoreCalculator.Compute(ledger, nowUtc, _settings);
            DateTime? lastTaskOn = row.GetAttributeValue<DateTime?>(AccountColumns.LastTaskOn);
            bool createTask = TaskRules.ShouldCreateTask(previous, next, tasked, lastTaskOn, nowUtc, _settings);
            _trace(string.Format("Account {0}: {1} adopters, stage {2} -> {3}, score {4}, task {5}", change.AccountId, adopters, previous, next, score.Value, createTask));

            var update = new Entity(AccountColumns.EntityName, change.AccountId);
            SetIfChanged(row, update, AccountColumns.AdoptionLedger, ledger.ToString());
            SetIfChanged(row, update, AccountColumns.AdopterCount, adopters);
            SetIfChanged(row, update, AccountColumns.AdoptionScore, score.Value);
            SetIfChanged(row, update, AccountColumns.ScoreExplanation, score.Explanation);
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
            if (createTask) CreateTask(row, change.AccountId, next, adopters, score, nowUtc);
        }

        // Writing adopt_scoredon takes the row lock; an arrival also records when the latest signup came.
        private void Lock(SignupChange change, DateTime nowUtc)
        {
            var lockUpdate = new Entity(AccountColumns.EntityName, change.AccountId);
            lockUpdate[AccountColumns.ScoredOn] = nowUtc;
            if (change.Adding) lockUpdate[AccountColumns.LastSignupOn] = nowUtc;
            _service.Update(lockUpdate);
        }

        private Entity ReadUnderLock(SignupChange change)
        {
            var query = new QueryExpression(AccountColumns.EntityName)
            {
                ColumnSet = new ColumnSet(AccountColumns.Name, AccountColumns.OwnerId, AccountColumns.AdoptionLedger, AccountColumns.AdoptionStage,
                    AccountColumns.TaskedStage, AccountColumns.LastTaskOn, AccountColumns.AdopterCount, AccountColumns.AdoptionScore,
                    AccountColumns.ScoreExplanation),
                TopCount = 1,
            };
            query.Criteria.AddCondition(AccountColumns.Id, ConditionOperator.Equal, change.AccountId);
            var owner = query.AddLink(SystemUserColumns.EntityName, AccountColumns.OwnerId, SystemUserColumns.Id, JoinOperator.LeftOuter);
            owner.EntityAlias = OwnerAlias;
            owner.Columns = new ColumnSet(SystemUserColumns.IsDisabled);
            if (!string.IsNullOrEmpty(change.NormalizedEmail))
            {
                var other = query.AddLink(LeadColumns.EntityName, AccountColumns.Id, LeadColumns.ParentAccountId, JoinOperator.LeftOuter);
                other.EntityAlias = OtherLeadAlias;
                other.Columns = new ColumnSet(LeadColumns.CreatedOn);
                other.LinkCriteria.AddCondition(LeadColumns.NormalizedEmail, ConditionOperator.Equal, change.NormalizedEmail);
                other.LinkCriteria.AddCondition(LeadColumns.Id, ConditionOperator.NotEqual, change.LeadId);
                other.LinkCriteria.AddCondition(LeadColumns.StateCode, ConditionOperator.NotEqual, LeadColumns.StateDisqualified);
                other.Orders.Add(new OrderExpression(LeadColumns.CreatedOn, OrderType.Descending));
            }
            return _service.RetrieveMultiple(query).Entities.FirstOrDefault();
        }

        private void CreateTask(Entity row, Guid accountId, AdoptionStage stage, int adopters, AdoptionScore score, DateTime nowUtc)
        {
            var owner = TaskOwnerResolver.Resolve(row.GetAttributeValue<EntityReference>(AccountColumns.OwnerId),
                Aliased<bool?>(row, OwnerAlias, SystemUserColumns.IsDisabled), _settings);
            var account = new EntityReference(AccountColumns.EntityName, accountId);
            var task = TaskComposer.Compose(account, row.GetAttributeValue<string>(AccountColumns.Name), stage, adopters, score,
                LatestAdopters(accountId), owner, nowUtc, _settings);
            Guid taskId = _service.Create(task);
            _trace("Created task " + taskId + " for " + stage + ", assigned to " + owner.Why);
            if (owner.Queue != null) TaskQueueRouter.AddToQueue(_service, new EntityReference(TaskColumns.EntityName, taskId), owner.Queue);
        }

        // Only on the task path (a handful of times in an account's life): the newest adopters for the rep.
        private IList<string> LatestAdopters(Guid accountId)
        {
            var query = new QueryExpression(LeadColumns.EntityName) { ColumnSet = new ColumnSet(LeadColumns.NormalizedEmail), TopCount = AdoptersInTask, Distinct = false };
            query.Criteria.AddCondition(LeadColumns.ParentAccountId, ConditionOperator.Equal, accountId);
            query.Criteria.AddCondition(LeadColumns.StateCode, ConditionOperator.NotEqual, LeadColumns.StateDisqualified);
            query.AddOrder(LeadColumns.CreatedOn, OrderType.Descending);
            return _service.RetrieveMultiple(query).Entities
                .Select(e => e.GetAttributeValue<string>(LeadColumns.NormalizedEmail))
                .Where(e => !string.IsNullOrEmpty(e)).Distinct(StringComparer.Ordinal).ToList();
        }

        private static AdoptionStage StageOf(Entity row, string column)
        {
            var value = row.GetAttributeValue<OptionSetValue>(column);
            return value == null || !Enum.IsDefined(typeof(AdoptionStage), value.Value) ? AdoptionStage.None : (AdoptionStage)value.Value;
        }

        private static T Aliased<T>(Entity row, string alias, string column)
        {
            object value;
            if (!row.Attributes.TryGetValue(alias + "." + column, out value) || value == null) return default(T);
            var aliased = value as AliasedValue;
            object inner = aliased != null ? aliased.Value : value;
            return inner is T ? (T)inner : default(T);
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
