using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Plays
{
    /// <summary>
    /// The account's one living play, on every stage change (TaskRules decides):
    /// 1. Read the open play (a task regarding the account with adopt_adoptionstage set and still open) and the
    ///    last one a rep completed or cancelled.
    /// 2. Create the play, or escalate the open one in place (subject, description, stage, priority, due date;
    ///    its owner only when that owner can no longer take work). Never a second open play: jobs of one account
    ///    may run at once, so an escalation is a RowVersion-checked update and two creates keep the earliest play.
    /// Runs in an asynchronous step after the stage was written, so a play that cannot be written (owner without
    /// privileges, no usable owner, queue deleted) never touches the signup or the counts: the step asks the
    /// platform to retry the system job (InvalidPluginExecutionException with OperationStatus.Retry,
    /// learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.operationstatus), and after the last retry the failure
    /// stays on the system job for an admin to see.
    /// </summary>
    public sealed class AccountPlay
    {
        public const string ImageColumns = AccountColumns.Name + "," + AccountColumns.OwnerId + "," + AccountColumns.AdoptionStage + ","
            + AccountColumns.TaskedStage + "," + AccountColumns.AdopterCount + "," + AccountColumns.ScoreExplanation + "," + AccountColumns.ScoredOn + ","
            + AccountColumns.StateCode;
        /// <summary>Candidates for champion: the most recent, the top inviters and the top users among the counted people.</summary>
        private const int RecentPeople = 50, TopInviters = 10, TopUsers = 10;
        public const int NewThisWeekCap = 100;
        private const int MaxAttempts = 5;
        /// <summary>The platform's fault for a RowVersion that no longer matches (ConcurrencyVersionMismatch).</summary>
        private const int ConcurrencyVersionMismatch = unchecked((int)0x80060882);

        private readonly IOrganizationService _service;
        private readonly AdoptionSettings _settings;
        private readonly DateTime _now;
        private readonly Action<string> _trace;
        // Set when a version read with the open play was refused: later attempts of this run take a Retrieve's.
        private bool _retrieveVersions;

        public AccountPlay(IOrganizationService service, AdoptionSettings settings, DateTime nowUtc, Action<string> trace)
        {
            _service = service;
            _settings = settings;
            _now = nowUtc;
            _trace = trace ?? (_ => { });
        }

        public PlayDecision Run(Entity before, Entity after)
        {
            AdoptionStage previous = StageOf(before, AccountColumns.AdoptionStage), next = StageOf(after, AccountColumns.AdoptionStage);
            // Cheap checks first: most stage changes are falls, untasked stages or closed accounts, and read nothing.
            if (next <= previous || !_settings.IsTasked(next)) return PlayDecision.Nothing;
            if ((after.GetAttributeValue<OptionSetValue>(AccountColumns.StateCode)?.Value ?? 0) != 0) return PlayDecision.Nothing;
            string name = after.GetAttributeValue<string>(AccountColumns.Name);
            if (!AccountExistence.Exists(_service, after.Id)) return PlayDecision.Nothing; // deleted or merged away since the change
            try
            {
                var facts = new OwnerFacts(_service);
                for (int attempt = 1; attempt <= MaxAttempts; attempt++)
                {
                    var outcome = Attempt(before, after, previous, next, name, facts);
                    if (outcome.HasValue) return outcome.Value;
                }
                throw new InvalidPluginExecutionException(OperationStatus.Retry, "The play for " + (name ?? after.Id.ToString())
                    + " kept changing under concurrent updates; the job will try again.");
            }
            // The platform answers a failed request with an OrganizationServiceFault; a plug-in on the task that
            // refuses it surfaces as InvalidPluginExecutionException. Either way: retry, then leave it on the job.
            catch (Exception fault) when (fault is FaultException<OrganizationServiceFault> || (fault is InvalidPluginExecutionException && !IsOurRetry(fault)))
            {
                throw new InvalidPluginExecutionException(OperationStatus.Retry,
                    "The rep's play for " + (name ?? after.Id.ToString()) + " (" + StageLabels.Of(next) + ") could not be written: " + fault.Message);
            }
        }

        private static bool IsOurRetry(Exception e) => ((InvalidPluginExecutionException)e).Status == OperationStatus.Retry;

        // One decision on fresh reads. Null: another job changed the play meanwhile; decide again.
        private PlayDecision? Attempt(Entity before, Entity after, AdoptionStage previous, AdoptionStage next, string name, OwnerFacts facts)
        {
            var open = OpenPlays(after.Id);
            var current = open.Count == 0 ? null : open[0];
            AdoptionStage? openStage = current == null ? (AdoptionStage?)null : StageOf(current, TaskColumns.AdoptionStage);
            var decision = TaskRules.Decide(previous, next, openStage, current == null ? LastClosed(after.Id) : null, _now, _settings);
            _trace("Play for " + (name ?? after.Id.ToString()) + ": " + StageLabels.Of(previous) + " → " + StageLabels.Of(next)
                + (openStage.HasValue ? ", open play at " + StageLabels.Of(openStage.Value) : ", no open play") + ": " + decision);
            if (decision == PlayDecision.Nothing) return decision;

            var owner = TaskOwnerResolver.Resolve(after.GetAttributeValue<EntityReference>(AccountColumns.OwnerId), facts, _settings);
            if (owner == null)
                throw new InvalidPluginExecutionException(OperationStatus.Retry, "No one can own the play for " + (name ?? after.Id.ToString())
                    + ": the account's owner cannot take work and settings name no usable fallback user or fallback queue with an owner.");
            var brief = Brief(after, next, owner);
            Guid taskId;
            if (decision == PlayDecision.Create)
            {
                var task = new Entity(TaskColumns.EntityName);
                TaskComposer.Compose(task, brief, null, _now, _settings);
                task[TaskColumns.RegardingObjectId] = new EntityReference(AccountColumns.EntityName, after.Id);
                task[TaskColumns.OwnerId] = owner.Owner;
                taskId = _service.Create(task);
                // Two jobs of one account can both find no play and both create one. A job keeps its play only when
                // no other open play was created at or before it; otherwise it deletes its own before anyone works it
                // and decides again against the other, escalating it if this stage is higher. "At or before", not a
                // tie-break by id: a job that saw its play alone has already kept it, and a later job whose play was
                // created in the same instant (createdon has no finer grain) must not keep a second one. When both
                // see each other at the same instant both step back, and the next attempt (or the job's retry)
                // creates one.
                var plays = OpenPlays(after.Id);
                var mine = plays.FirstOrDefault(p => p.Id == taskId);
                if (mine == null) return null; // gone already (its account was merged or deleted meanwhile): decide again
                var myTime = mine.GetAttributeValue<DateTime>(TaskColumns.CreatedOn);
                if (plays.Any(p => p.Id != taskId && p.GetAttributeValue<DateTime>(TaskColumns.CreatedOn) <= myTime))
                {
                    _service.Delete(TaskColumns.EntityName, taskId);
                    _trace("Another job created the play for " + (name ?? after.Id.ToString()) + " at the same time; this one was removed.");
                    return null;
                }
                _trace("Created play " + taskId + " at " + StageLabels.Of(next) + ", assigned to " + owner.Why);
            }
            else
            {
                taskId = current.Id;
                brief.EscalatedFrom = openStage;
                // The version the update below must still match: the one the open play was read with, or the one a
                // Retrieve returns when the query gave none or its version was refused once (no page says a query row
                // carries a RowVersion, nor that IfRowVersionMatches takes one; a Retrieve's is documented).
                string rowVersion = _retrieveVersions ? null : current.RowVersion;
                if (string.IsNullOrEmpty(rowVersion))
                {
                    var version = _service.Retrieve(TaskColumns.EntityName, taskId, new ColumnSet(TaskColumns.AdoptionStage));
                    if (StageOf(version, TaskColumns.AdoptionStage) != openStage.Value) return null;
                    rowVersion = version.RowVersion;
                }
                var update = new Entity(TaskColumns.EntityName, taskId) { RowVersion = rowVersion };
                TaskComposer.Compose(update, brief, current.GetAttributeValue<DateTime?>(TaskColumns.ScheduledEnd), _now, _settings);
                // The rep who holds the play keeps it; it moves only when they can no longer take work.
                var holder = current.GetAttributeValue<EntityReference>(TaskColumns.OwnerId);
                if (!facts.IsUsable(holder) && (holder == null || holder.Id != owner.Owner.Id)) update[TaskColumns.OwnerId] = owner.Owner;
                // Optimistic concurrency (learn.microsoft.com/power-apps/developer/data-platform/optimistic-concurrency):
                // a play another job escalated meanwhile is read again, so a slower job never writes a lower stage
                // over a higher one. Nothing here relies on the job's calls sharing one transaction.
                try
                {
                    _service.Execute(new UpdateRequest { Target = update, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });
                }
                catch (FaultException<OrganizationServiceFault> fault) when (fault.Detail != null && fault.Detail.ErrorCode == ConcurrencyVersionMismatch)
                {
                    if (rowVersion == current.RowVersion) _retrieveVersions = true;
                    return null;
                }
                _trace("Escalated play " + taskId + " from " + StageLabels.Of(openStage.Value) + " to " + StageLabels.Of(next));
            }
            if (owner.Queue != null) TaskQueueRouter.AddToQueue(_service, new EntityReference(TaskColumns.EntityName, taskId), owner.Queue);
            RecordTasked(after.Id, next);
            return decision;
        }

        /// <summary>adopt_lasttaskon and, when higher, adopt_taskedstage (read fresh: the image may be older than another job's write).</summary>
        private void RecordTasked(Guid accountId, AdoptionStage stage)
        {
            var row = _service.Retrieve(AccountColumns.EntityName, accountId, new ColumnSet(AccountColumns.TaskedStage));
            var account = new Entity(AccountColumns.EntityName, accountId) { [AccountColumns.LastTaskOn] = _now };
            if (stage > StageOf(row, AccountColumns.TaskedStage)) account[AccountColumns.TaskedStage] = new OptionSetValue((int)stage);
            _service.Update(account);
        }

        private List<Entity> OpenPlays(Guid accountId)
        {
            var query = Plays(accountId, TaskColumns.OwnerId, TaskColumns.ScheduledEnd, TaskColumns.CreatedOn);
            query.Criteria.AddCondition(TaskColumns.StateCode, ConditionOperator.Equal, TaskColumns.StateOpen);
            query.AddOrder(TaskColumns.CreatedOn, OrderType.Ascending);
            query.AddOrder(TaskColumns.Id, OrderType.Ascending);
            return _service.RetrieveMultiple(query).Entities.ToList();
        }

        private ClosedPlay LastClosed(Guid accountId)
        {
            var query = Plays(accountId, TaskColumns.StateCode, TaskColumns.ActualEnd, TaskColumns.ModifiedOn);
            query.TopCount = 1;
            query.Criteria.AddCondition(TaskColumns.StateCode, ConditionOperator.In, TaskColumns.StateCompleted, TaskColumns.StateCanceled);
            query.AddOrder(TaskColumns.ModifiedOn, OrderType.Descending);
            var row = _service.RetrieveMultiple(query).Entities.FirstOrDefault();
            if (row == null) return null;
            DateTime closedOn = row.GetAttributeValue<DateTime?>(TaskColumns.ActualEnd) ?? row.GetAttributeValue<DateTime?>(TaskColumns.ModifiedOn) ?? _now;
            return new ClosedPlay(StageOf(row, TaskColumns.AdoptionStage), closedOn, row.GetAttributeValue<OptionSetValue>(TaskColumns.StateCode)?.Value == TaskColumns.StateCompleted);
        }

        // Our plays only: other tasks on the account (a rep's own follow-ups) have no adoption stage.
        private static QueryExpression Plays(Guid accountId, params string[] columns)
        {
            var query = new QueryExpression(TaskColumns.EntityName) { ColumnSet = new ColumnSet(columns.Concat(new[] { TaskColumns.AdoptionStage }).ToArray()) };
            query.Criteria.AddCondition(TaskColumns.RegardingObjectId, ConditionOperator.Equal, accountId);
            query.Criteria.AddCondition(TaskColumns.AdoptionStage, ConditionOperator.NotNull);
            return query;
        }

        private PlayBrief Brief(Entity after, AdoptionStage stage, TaskOwner owner)
        {
            var recent = Adopters(after.Id, AdopterColumns.LastSignupOn, RecentPeople);
            // Fewer rows than asked for: these are all the people counted here, so the top inviters and users are
            // among them and two more reads would find nobody new.
            bool everyone = recent.Count < RecentPeople;
            var candidates = everyone ? recent
                : recent.Concat(Adopters(after.Id, AdopterColumns.Invitations, TopInviters)).Concat(Adopters(after.Id, AdopterColumns.Usage, TopUsers))
                    .GroupBy(a => a.Id).Select(g => g.First()).ToList();
            DateTime weekAgo = _now.AddDays(-7);
            int newThisWeek = everyone || SignedUpLastBefore(recent[recent.Count - 1], weekAgo)
                ? recent.Count(p => p.FirstSignupOn >= weekAgo)
                : NewSince(after.Id, weekAgo);
            return new PlayBrief
            {
                AccountName = after.GetAttributeValue<string>(AccountColumns.Name),
                Stage = stage,
                People = after.GetAttributeValue<int?>(AccountColumns.AdopterCount) ?? candidates.Count,
                WindowDays = _settings.WindowDays,
                NewThisWeek = newThisWeek,
                NewThisWeekCapped = newThisWeek >= NewThisWeekCap,
                Champion = ChampionPicker.Pick(candidates),
                Newest = recent,
                Explanation = after.GetAttributeValue<string>(AccountColumns.ScoreExplanation),
                ScoredOn = after.GetAttributeValue<DateTime?>(AccountColumns.ScoredOn),
                Owner = owner,
            };
        }

        // Bounded reads of the counted people (a handful of times in an account's life): the play's cost does not
        // grow with the company's size.
        private List<PlayAdopter> Adopters(Guid accountId, string orderBy, int top)
        {
            var query = new QueryExpression(AdopterColumns.EntityName)
            {
                ColumnSet = new ColumnSet(AdopterColumns.Name, AdopterColumns.Email, AdopterColumns.JobTitle, AdopterColumns.Usage, AdopterColumns.Invitations,
                    AdopterColumns.FirstSignupOn, AdopterColumns.LastSignupOn),
                TopCount = top,
            };
            query.Criteria.AddCondition(AdopterColumns.AccountId, ConditionOperator.Equal, accountId);
            query.Criteria.AddCondition(AdopterColumns.Counted, ConditionOperator.Equal, true);
            query.AddOrder(orderBy, OrderType.Descending);
            query.AddOrder(AdopterColumns.Id, OrderType.Ascending);
            return _service.RetrieveMultiple(query).Entities.Select(a => new PlayAdopter(a.Id,
                a.GetAttributeValue<string>(AdopterColumns.Name), a.GetAttributeValue<string>(AdopterColumns.Email), a.GetAttributeValue<string>(AdopterColumns.JobTitle),
                Count(a, AdopterColumns.Usage), Count(a, AdopterColumns.Invitations),
                a.GetAttributeValue<DateTime?>(AdopterColumns.FirstSignupOn), a.GetAttributeValue<DateTime?>(AdopterColumns.LastSignupOn))).ToList();
        }

        // Whole-number columns may be Int32 or Int64 (BigInt): read either.
        private static long Count(Entity row, string column)
        {
            object value;
            if (!row.Attributes.TryGetValue(column, out value) || value == null) return 0;
            return value is long ? (long)value : value is int ? (int)value : 0;
        }

        // The list is newest last signup first: when its last person signed up last before the week began, nobody left
        // out of it did so later, and a first signup is never after the last, so everyone new this week is in the list.
        private static bool SignedUpLastBefore(PlayAdopter oldestListed, DateTime since) =>
            oldestListed.LastSignupOn.HasValue && oldestListed.LastSignupOn.Value < since;

        private int NewSince(Guid accountId, DateTime since)
        {
            var query = new QueryExpression(AdopterColumns.EntityName) { ColumnSet = new ColumnSet(false), TopCount = NewThisWeekCap };
            query.Criteria.AddCondition(AdopterColumns.AccountId, ConditionOperator.Equal, accountId);
            query.Criteria.AddCondition(AdopterColumns.Counted, ConditionOperator.Equal, true);
            query.Criteria.AddCondition(AdopterColumns.FirstSignupOn, ConditionOperator.GreaterEqual, since);
            return _service.RetrieveMultiple(query).Entities.Count;
        }

        private static AdoptionStage StageOf(Entity row, string column)
        {
            var value = row == null ? null : row.GetAttributeValue<OptionSetValue>(column);
            return value == null || !Enum.IsDefined(typeof(AdoptionStage), value.Value) ? AdoptionStage.None : (AdoptionStage)value.Value;
        }
    }
}
