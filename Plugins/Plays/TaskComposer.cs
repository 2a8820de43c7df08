using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Plays
{
    /// <summary>Builds the rep's task: subject naming the account and stage, the adopters in the description, due date and priority by stage.</summary>
    public static class TaskComposer
    {
        public static string Subject(string accountName, AdoptionStage stage)
        {
            string subject = (string.IsNullOrEmpty(accountName) ? "Account" : accountName) + " reached " + StageLabel(stage) + " adoption";
            return Truncate(subject, TaskColumns.SubjectMaxLength);
        }

        public static Entity Compose(EntityReference account, string accountName, AdoptionStage stage, int adopters, AdoptionScore score,
            IList<string> adopterEmails, TaskOwner owner, DateTime nowUtc, AdoptionSettings settings)
        {
            var c = CultureInfo.InvariantCulture;
            var text = new StringBuilder();
            text.AppendFormat(c, "{0} distinct people from {1} signed up in the last {2} days, so the account is now {3}. Talk to them about a {4}.\n",
                adopters, string.IsNullOrEmpty(accountName) ? "this account" : accountName, settings.WindowDays, StageLabel(stage),
                stage == AdoptionStage.EnterpriseReady ? "company-wide (enterprise) plan" : "team plan");
            text.Append("Score: ").Append(score.Explanation).Append('\n');
            text.Append("Assigned to ").Append(owner.Why).Append(".\n");
            if (adopterEmails.Count > 0)
            {
                text.Append("Latest adopters:\n");
                foreach (string email in adopterEmails) text.Append("- ").Append(email).Append('\n');
            }
            text.Append("All adopters are listed in the Adopters panel on the account.");
            var task = new Entity(TaskColumns.EntityName);
            task[TaskColumns.Subject] = Subject(accountName, stage);
            task[TaskColumns.Description] = Truncate(text.ToString(), TaskColumns.DescriptionMaxLength);
            task[TaskColumns.RegardingObjectId] = account;
            task[TaskColumns.ScheduledEnd] = nowUtc.AddDays(TaskRules.DueDays(stage, settings));
            task[TaskColumns.PriorityCode] = new OptionSetValue((int)TaskRules.Priority(stage));
            if (owner.User != null) task[TaskColumns.OwnerId] = owner.User;
            return task;
        }

        private static string StageLabel(AdoptionStage stage) => StageLabels.Of(stage);

        private static string Truncate(string text, int max) => text.Length <= max ? text : text.Substring(0, max - 1) + "…";
    }
}
