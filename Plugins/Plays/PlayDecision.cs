namespace AdoptionCrm.Plugins.Plays
{
    /// <summary>What a stage change does to the account's one play (TaskRules.Decide).</summary>
    public enum PlayDecision
    {
        /// <summary>Nothing: no rise, a stage sales ops do not act on, the open play already covers it, or the cooldown holds.</summary>
        Nothing,
        /// <summary>No open play: create one.</summary>
        Create,
        /// <summary>The open play is for a lower stage: rewrite it in place for the new stage.</summary>
        Escalate,
    }
}
