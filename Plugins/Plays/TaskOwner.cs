using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Plays
{
    /// <summary>Who owns the play (a usable user or a team, never empty) and the queue it is routed to, if any.</summary>
    public sealed class TaskOwner
    {
        public TaskOwner(EntityReference owner, EntityReference queue, string why) { Owner = owner; Queue = queue; Why = why; }

        public EntityReference Owner { get; private set; }
        public EntityReference Queue { get; private set; }
        public string Why { get; private set; }
    }
}
