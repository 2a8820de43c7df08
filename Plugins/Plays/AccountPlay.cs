using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Plays
{
    /// <summary>
    /// The rep's play when an account's stage rises (TaskRules): a task naming the latest adopters, owned by
    /// the account's owner or the fallback. Runs in an asynchronous step after the stage was written, so a task
    /// that cannot be created (owner without privileges, fallback user or queue deleted) never touches the
    /// signup or the counts: the request fails, the step asks the platform to retry the system job
    /// (InvalidPluginExecutionException with OperationStatus.Retry,
    /// learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.operationstatus), and after the last retry the failure
    /// stays on the system job for an admin to see. An open task for the same account and stage already there
    /// since this rise (a retry after a partial run) is not created twice.
    /// </summary>
    public sealed class AccountPlay
    {
        public const string ImageColumns = AccountColumns.Name + "," + AccountColumns.OwnerId + "," + AccountColumns.AdoptionStage + ","
            + AccountColumns.TaskedStage + "," + AccountColumns.LastTaskOn + "," + AccountColumns.AdopterCount + "," + AccountColumns.AdoptionScore + ","
            + AccountColumns.ScoreExplanation;
        private const int LatestAdopters = 15;

        private readonly IOrganizationService _service;
        private readonly AdoptionSettings _settings;
        private readonly DateTime _now;
        private readonly Action<string> _trace;

        public AccountPlay(IOrganizationService service, AdoptionSettings settings, DateTime nowUtc, Action<string> trace)
        {
            _service = service;
            _settings = settings;
            _now = nowUtc;
            _trace = trace ?? (_ => { });
        }

        public bool Run(Entity before, Entity after)
        {
            AdoptionStage previous = StageOf(before, AccountColumns.AdoptionStage), next = StageOf(after, AccountColumns.AdoptionStage);
            AdoptionStage tasked = StageOf(after, AccountColumns.TaskedStage);
            DateTime? lastTaskOn = after.GetAttributeValue<DateTime?>(AccountColumns.LastTaskOn);
            if (!TaskRules.ShouldCreateTask(previous, next, tasked, lastTaskOn, _now, _settings)) return false;
            string name = after.GetAttributeValue<string>(AccountColumns.Name);
            var account = new EntityReference(AccountColumns.EntityName, after.Id);
            try
            {
                if (!AlreadyTasked(after.Id, TaskComposer.Subject(name, next)))
                {
                    var ownerRef = after.GetAttributeValue<EntityReference>(AccountColumns.OwnerId);
                    var owner = TaskOwnerResolver.Resolve(ownerRef, OwnerDisabled(ownerRef), _settings);
                    var score = new AdoptionScore(after.GetAttributeValue<int?>(AccountColumns.AdoptionScore) ?? 0, after.GetAttributeValue<string>(AccountColumns.ScoreExplanation) ?? "");
                    var task = TaskComposer.Compose(account, name, next, after.GetAttributeValue<int?>(AccountColumns.AdopterCount) ?? 0, score,
                        Latest(after.Id), owner, _now, _settings);
                    Guid taskId = _service.Create(task);
                    _trace("Created task " + taskId + " for " + next + ", assigned to " + owner.Why);
                    if (owner.Queue != null) TaskQueueRouter.AddToQueue(_service, new EntityReference(TaskColumns.EntityName, taskId), owner.Queue);
                }
                var update = new Entity(AccountColumns.EntityName, after.Id) { [AccountColumns.LastTaskOn] = _now };
                if (next > tasked) update[AccountColumns.TaskedStage] = new OptionSetValue((int)next);
                _service.Update(update);
            }
            // The platform answers a failed request with an OrganizationServiceFault; a plug-in on the task that
            // refuses it surfaces as InvalidPluginExecutionException. Either way: retry, then leave it on the job.
            catch (Exception fault) when (fault is FaultException<OrganizationServiceFault> || (fault is InvalidPluginExecutionException && !IsOurRetry(fault)))
            {
                throw new InvalidPluginExecutionException(OperationStatus.Retry,
                    "The rep's task for " + (name ?? after.Id.ToString()) + " (" + StageLabels.Of(next) + ") could not be created: " + fault.Message);
            }
            return true;
        }

        private static bool IsOurRetry(Exception e) => ((InvalidPluginExecutionException)e).Status == OperationStatus.Retry;

        private bool AlreadyTasked(Guid accountId, string subject)
        {
            var query = new QueryExpression(TaskColumns.EntityName) { ColumnSet = new ColumnSet(false), TopCount = 1 };
            query.Criteria.AddCondition(TaskColumns.RegardingObjectId, ConditionOperator.Equal, accountId);
            query.Criteria.AddCondition(TaskColumns.Subject, ConditionOperator.Equal, subject);
            query.Criteria.AddCondition(TaskColumns.StateCode, ConditionOperator.Equal, TaskColumns.StateOpen);
            // Only this rise's task: a retry of this job runs later than the rise, an earlier rise's task before it.
            query.Criteria.AddCondition(TaskColumns.CreatedOn, ConditionOperator.GreaterEqual, _now);
            return _service.RetrieveMultiple(query).Entities.Count > 0;
        }

        private bool? OwnerDisabled(EntityReference owner)
        {
            if (owner == null || owner.LogicalName != SystemUserColumns.EntityName) return null;
            var query = new QueryExpression(SystemUserColumns.EntityName) { ColumnSet = new ColumnSet(SystemUserColumns.IsDisabled), TopCount = 1 };
            query.Criteria.AddCondition(SystemUserColumns.Id, ConditionOperator.Equal, owner.Id);
            var row = _service.RetrieveMultiple(query).Entities.FirstOrDefault();
            return row == null ? (bool?)true : row.GetAttributeValue<bool?>(SystemUserColumns.IsDisabled);
        }

        // The task path only (a handful of times in an account's life): its newest adopters for the rep.
        private IList<string> Latest(Guid accountId)
        {
            var query = new QueryExpression(AdopterColumns.EntityName) { ColumnSet = new ColumnSet(AdopterColumns.Email, AdopterColumns.Name, AdopterColumns.JobTitle), TopCount = LatestAdopters };
            query.Criteria.AddCondition(AdopterColumns.AccountId, ConditionOperator.Equal, accountId);
            query.AddOrder(AdopterColumns.LastSignupOn, OrderType.Descending);
            return _service.RetrieveMultiple(query).Entities.Select(a =>
            {
                string email = a.GetAttributeValue<string>(AdopterColumns.Email), who = a.GetAttributeValue<string>(AdopterColumns.Name), title = a.GetAttributeValue<string>(AdopterColumns.JobTitle);
                return (who != null && who != email ? who + " <" + email + ">" : email) + (string.IsNullOrEmpty(title) ? "" : ", " + title);
            }).ToList();
        }

        private static AdoptionStage StageOf(Entity row, string column)
        {
            var value = row == null ? null : row.GetAttributeValue<OptionSetValue>(column);
            return value == null || !Enum.IsDefined(typeof(AdoptionStage), value.Value) ? AdoptionStage.None : (AdoptionStage)value.Value;
        }
    }
}
