using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Plays
{
    /// <summary>
    /// Writes the rep's play: a subject that says who to call about what, and a description in this order:
    /// where the account stands and what changed ("4 new this week"), who to call first and why, what to pitch
    /// at this stage, the account's own explanation with its as-of date, the newest people with names and titles,
    /// and who the play is assigned to and why. The stage and the champion travel in the task's own columns
    /// (adopt_adoptionstage, adopt_champion, adopt_championreason), never parsed back out of the text.
    /// </summary>
    public static class TaskComposer
    {
        public const int PeopleListed = 8;
        private const int ExplanationMax = 700;

        /// <summary>What to pitch at a stage: team plan first; at Enterprise-ready a company-wide plan with SSO, admin controls and compliance.</summary>
        public static string Pitch(AdoptionStage stage)
        {
            switch (stage)
            {
                case AdoptionStage.EnterpriseReady: return "a company-wide plan with SSO, admin controls and compliance";
                case AdoptionStage.Spreading: return "a plan that covers every team using it, and what a company-wide plan with SSO and admin controls adds";
                default: return "a team plan for the people already using it";
            }
        }

        private static string ShortPitch(AdoptionStage stage) =>
            stage == AdoptionStage.EnterpriseReady ? "a company-wide plan" : stage == AdoptionStage.Spreading ? "a plan for every team" : "a team plan";

        public static string Subject(PlayBrief brief)
        {
            string account = string.IsNullOrEmpty(brief.AccountName) ? "Account" : brief.AccountName;
            string subject = brief.Champion != null
                ? account + ": call " + brief.Champion.Person.Name + " about " + ShortPitch(brief.Stage)
                : account + ": talk about " + ShortPitch(brief.Stage);
            return Truncate(subject, TaskColumns.SubjectMaxLength);
        }

        public static string Description(PlayBrief brief, DateTime nowUtc)
        {
            var c = CultureInfo.InvariantCulture;
            string account = string.IsNullOrEmpty(brief.AccountName) ? "This account" : brief.AccountName;
            var head = new StringBuilder();
            if (brief.EscalatedFrom.HasValue)
                head.Append("Escalated from ").Append(StageLabels.Of(brief.EscalatedFrom.Value)).Append(" to ").Append(StageLabels.Of(brief.Stage))
                    .Append(" on ").Append(nowUtc.ToString("d MMM yyyy", c)).Append(".\n");
            head.Append(account).Append(" is ").Append(StageLabels.Of(brief.Stage)).Append(": ")
                .Append(brief.People.ToString("N0", c)).Append(brief.People == 1 ? " person" : " people")
                .Append(" signed up in the last ").Append(brief.WindowDays.ToString(c)).Append(" days");
            if (brief.NewThisWeek > 0)
                head.Append(" (").Append(brief.NewThisWeek.ToString("N0", c)).Append(brief.NewThisWeekCapped ? "+" : "").Append(" new this week)");
            head.Append(".\n");
            if (brief.Champion != null)
                head.Append("Call first: ").Append(brief.Champion.Person.NameAndTitle).Append(" <").Append(brief.Champion.Person.Email).Append(">. Why: ")
                    .Append(brief.Champion.Why).Append(".\n");
            head.Append("Pitch: ").Append(Pitch(brief.Stage)).Append(".\n");
            if (!string.IsNullOrWhiteSpace(brief.Explanation))
            {
                head.Append("Why this account: ").Append(Truncate(brief.Explanation.Trim(), ExplanationMax));
                // The engine's explanation names its own as-of date; an older text without one gets the row's.
                if (brief.ScoredOn.HasValue && brief.Explanation.IndexOf("As of ", StringComparison.Ordinal) < 0)
                    head.Append(" (as of ").Append(brief.ScoredOn.Value.ToString("d MMM yyyy HH:mm", c)).Append(" UTC)");
                head.Append('\n');
            }
            var tail = new StringBuilder();
            int more = brief.People - Math.Min(brief.Newest.Count, PeopleListed);
            if (more > 0) tail.Append("…and ").Append(more.ToString("N0", c)).Append(" more in the Adopters panel on the account.\n");
            else tail.Append("All of them are in the Adopters panel on the account.\n");
            tail.Append("Assigned to ").Append(brief.Owner == null ? "nobody" : brief.Owner.Why).Append('.');

            // The people fill what the 2,000 characters leave; the head and tail always fit.
            var people = new StringBuilder();
            if (brief.Newest.Count > 0) people.Append("People, newest first:\n");
            int budget = TaskColumns.DescriptionMaxLength - head.Length - tail.Length - people.Length;
            int listed = 0;
            foreach (var p in brief.Newest)
            {
                if (listed == PeopleListed) break;
                string line = "- " + p.NameAndTitle + (p.Email.Length > 0 && p.Email != p.Name ? " <" + p.Email + ">" : "") + "\n";
                if (line.Length > budget) break;
                people.Append(line);
                budget -= line.Length;
                listed++;
            }
            if (listed == 0) people.Clear();
            return Truncate(head.ToString() + people + tail, TaskColumns.DescriptionMaxLength);
        }

        /// <summary>The play's columns for a new task or an escalation: subject, description, stage, priority, due date and owner.</summary>
        public static Entity Compose(Entity task, PlayBrief brief, DateTime? currentDue, DateTime nowUtc, AdoptionSettings settings)
        {
            task[TaskColumns.Subject] = Subject(brief);
            task[TaskColumns.Description] = Description(brief, nowUtc);
            task[TaskColumns.AdoptionStage] = new OptionSetValue((int)brief.Stage);
            task[TaskColumns.Champion] = brief.Champion == null ? null : Truncate(brief.Champion.Person.NameAndTitle, TaskColumns.ChampionMaxLength);
            task[TaskColumns.ChampionReason] = brief.Champion == null ? null : Truncate(brief.Champion.Why, TaskColumns.ChampionReasonMaxLength);
            task[TaskColumns.PriorityCode] = new OptionSetValue((int)TaskRules.Priority(brief.Stage));
            // A higher stage is due sooner, never later than what the rep was already given.
            DateTime due = nowUtc.AddDays(TaskRules.DueDays(brief.Stage, settings));
            task[TaskColumns.ScheduledEnd] = currentDue.HasValue && currentDue.Value < due ? currentDue.Value : due;
            return task;
        }

        private static string Truncate(string text, int max) => text.Length <= max ? text : text.Substring(0, max - 1) + "…";
    }
}
