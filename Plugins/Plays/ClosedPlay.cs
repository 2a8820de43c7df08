using System;
using AdoptionCrm.Plugins.Model;

namespace AdoptionCrm.Plugins.Plays
{
    /// <summary>The account's most recently completed or cancelled play: the stage the rep dealt with, and when.</summary>
    public sealed class ClosedPlay
    {
        public ClosedPlay(AdoptionStage stage, DateTime closedOn, bool completed) { Stage = stage; ClosedOn = closedOn; Completed = completed; }

        public AdoptionStage Stage { get; private set; }
        public DateTime ClosedOn { get; private set; }
        public bool Completed { get; private set; }
    }
}
