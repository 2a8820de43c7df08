using System;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;

namespace AdoptionCrm.Plugins.Plays
{
    /// <summary>
    /// One living play per account: what a stage change does to it, and a play's due date and priority.
    /// - Only a rise acts; a fall leaves the play alone (the stage history labels the account as cooling).
    /// - Only a stage sales ops act on (a setting per stage; by default Team and up: one person is not a company).
    /// - An open play for a lower stage is escalated in place; an open play at this stage or above already says it.
    /// - Without an open play: a rep who completed or cancelled the play for this stage or a higher one is not
    ///   tasked again before the cooldown has passed since they closed it; a rise above what they closed is.
    /// The decision runs under the account's row lock (AccountPlay), so two jobs cannot both create a play.
    /// </summary>
    public static class TaskRules
    {
        public static PlayDecision Decide(AdoptionStage previous, AdoptionStage next, AdoptionStage? openStage, ClosedPlay lastClosed,
            DateTime nowUtc, AdoptionSettings settings)
        {
            if (next <= previous || !settings.IsTasked(next)) return PlayDecision.Nothing;
            if (openStage.HasValue) return next > openStage.Value ? PlayDecision.Escalate : PlayDecision.Nothing;
            if (lastClosed != null && next <= lastClosed.Stage && (nowUtc - lastClosed.ClosedOn).TotalDays < settings.TaskCooldownDays)
                return PlayDecision.Nothing;
            return PlayDecision.Create;
        }

        /// <summary>Enterprise-ready is due in TaskDueDays; earlier stages get more slack (×2, ×3, ×5).</summary>
        public static int DueDays(AdoptionStage stage, AdoptionSettings settings)
        {
            switch (stage)
            {
                case AdoptionStage.EnterpriseReady: return settings.TaskDueDays;
                case AdoptionStage.Spreading: return settings.TaskDueDays * 2;
                case AdoptionStage.Team: return settings.TaskDueDays * 3;
                default: return settings.TaskDueDays * 5;
            }
        }

        public static TaskPriority Priority(AdoptionStage stage)
        {
            switch (stage)
            {
                case AdoptionStage.EnterpriseReady:
                case AdoptionStage.Spreading: return TaskPriority.High;
                case AdoptionStage.Team: return TaskPriority.Normal;
                default: return TaskPriority.Low;
            }
        }
    }
}
