using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Plays
{
    /// <summary>
    /// Who owns the play, on every path (a rep's account, a team's, an auto-created one, one reopened after its
    /// owner left): never SYSTEM, never a disabled user.
    /// 1. The account's owner when it is a usable user (OwnerFacts: enabled, not SYSTEM).
    /// 2. A team-owned account: the team, or with teamPlaysToQueue the fallback queue (owned by the queue's owner).
    /// 3. Otherwise (no owner, disabled, SYSTEM): the fallback user when usable, else the fallback queue when its
    ///    owner is usable. A queue-routed play is owned by the queue's owner, not left with the step's user
    ///    (records a plug-in creates without an owner belong to SYSTEM, platform-findings R7).
    /// 4. Nobody usable: null; the play is not created and the failure stays on the system job (AccountPlay).
    /// </summary>
    public static class TaskOwnerResolver
    {
        public static TaskOwner Resolve(EntityReference accountOwner, OwnerFacts facts, AdoptionSettings settings)
        {
            if (accountOwner != null && accountOwner.LogicalName == SystemUserColumns.EntityName && facts.IsUsable(accountOwner))
                return new TaskOwner(accountOwner, null, "the account's owner");
            if (accountOwner != null && accountOwner.LogicalName == OwnerTables.Team)
            {
                if (settings.TeamPlaysToQueue)
                {
                    var routed = ToQueue(facts, settings, "the account is owned by a team and team plays go to the fallback queue");
                    if (routed != null) return routed;
                }
                return new TaskOwner(accountOwner, null, "the account's team" + (settings.TeamPlaysToQueue ? " (the fallback queue has no usable owner)" : ""));
            }
            string reason = accountOwner == null ? "the account has no owner"
                : facts.IsSystem(accountOwner) ? "the account is owned by SYSTEM"
                : "the account's owner is disabled";
            if (settings.FallbackUser != null && facts.IsUsable(settings.FallbackUser))
                return new TaskOwner(settings.FallbackUser, null, "the fallback user from settings (" + reason + ")");
            return ToQueue(facts, settings, reason);
        }

        private static TaskOwner ToQueue(OwnerFacts facts, AdoptionSettings settings, string reason)
        {
            if (settings.FallbackQueue == null) return null;
            var queueOwner = facts.QueueOwner(settings.FallbackQueue);
            if (queueOwner == null || !facts.IsUsable(queueOwner)) return null;
            return new TaskOwner(queueOwner, settings.FallbackQueue, "the fallback queue from settings (" + reason + ")");
        }
    }
}
