using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Plays
{
    /// <summary>Who gets the task: the account's owner when it is an enabled user, else the configured fallback.</summary>
    public sealed class TaskOwner
    {
        public TaskOwner(EntityReference user, EntityReference queue, string why) { User = user; Queue = queue; Why = why; }

        /// <summary>The user to own the task; null leaves the task with the step's user (then it goes to Queue).</summary>
        public EntityReference User { get; private set; }

        /// <summary>The queue the task is routed to when no user can take it.</summary>
        public EntityReference Queue { get; private set; }

        public string Why { get; private set; }
    }

    public static class TaskOwnerResolver
    {
        public static TaskOwner Resolve(EntityReference accountOwner, bool? ownerIsDisabled, AdoptionSettings settings)
        {
            if (accountOwner != null && accountOwner.LogicalName == SystemUserColumns.EntityName && ownerIsDisabled != true)
                return new TaskOwner(accountOwner, null, "the account's owner");
            string reason = accountOwner == null ? "the account has no owner"
                : accountOwner.LogicalName == OwnerTables.Team ? "the account is owned by a team"
                : "the account's owner is disabled";
            if (settings.FallbackUser != null)
                return new TaskOwner(settings.FallbackUser, null, "the fallback user from settings (" + reason + ")");
            if (settings.FallbackQueue != null)
                return new TaskOwner(null, settings.FallbackQueue, "the fallback queue from settings (" + reason + ")");
            // Nobody configured: a team can still own the task; a disabled user keeps it, visibly.
            return new TaskOwner(accountOwner, null, "the account's owner; no fallback is configured (" + reason + ")");
        }
    }
}
