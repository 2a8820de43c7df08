using System;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;

namespace AdoptionCrm.Plugins.Plays
{
    /// <summary>
    /// When a rise in stage earns the rep a task, and its due date and priority.
    /// - A rise to a stage above every stage tasked so far is always tasked (escalation: the rep must
    ///   hear about Enterprise-ready even if they were told about Team yesterday).
    /// - A rise back to a stage already tasked (after the count fell) is tasked again
    ///   only once the cooldown since the last task has passed.
    /// The decision and adopt_taskedstage are written under the account's row lock, so concurrent
    /// creates or retries cannot create a second task for the same account and stage.
    /// </summary>
    public static class TaskRules
    {
        public static bool ShouldCreateTask(AdoptionStage previous, AdoptionStage next, AdoptionStage tasked, DateTime? lastTaskOn, DateTime nowUtc, AdoptionSettings settings)
        {
            if (next <= previous || next == AdoptionStage.None) return false;
            if (next > tasked) return true;
            return lastTaskOn == null || (nowUtc - lastTaskOn.Value).TotalDays >= settings.TaskCooldownDays;
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
