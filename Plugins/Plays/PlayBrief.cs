using System;
using System.Collections.Generic;
using AdoptionCrm.Plugins.Model;

namespace AdoptionCrm.Plugins.Plays
{
    /// <summary>Everything the rep's play says, gathered by AccountPlay and written by TaskComposer.</summary>
    public sealed class PlayBrief
    {
        public string AccountName { get; set; }
        public AdoptionStage Stage { get; set; }
        /// <summary>The stage the open play was for before this escalation; null for a new play.</summary>
        public AdoptionStage? EscalatedFrom { get; set; }
        public int People { get; set; }
        public int WindowDays { get; set; }
        /// <summary>People whose first signup is in the last seven days (at most NewThisWeekCap are counted).</summary>
        public int NewThisWeek { get; set; }
        public bool NewThisWeekCapped { get; set; }
        public Champion Champion { get; set; }
        /// <summary>The newest people, newest first.</summary>
        public IList<PlayAdopter> Newest { get; set; } = new List<PlayAdopter>();
        /// <summary>The account's plain-language explanation (adopt_scoreexplanation), the words the panel shows.</summary>
        public string Explanation { get; set; }
        public DateTime? ScoredOn { get; set; }
        public TaskOwner Owner { get; set; }
    }
}
