namespace AdoptionCrm.Plugins.Model
{
    /// <summary>task: the rep's follow-up the engine creates.</summary>
    public static class TaskColumns
    {
        public const string EntityName = "task";
        public const string Id = "activityid";
        public const string Subject = "subject";
        public const string Description = "description";
        public const string RegardingObjectId = "regardingobjectid";
        public const string ScheduledEnd = "scheduledend";
        public const string PriorityCode = "prioritycode";
        public const string OwnerId = "ownerid";
        public const string StateCode = "statecode";
        public const string CreatedOn = "createdon";
        public const string ModifiedOn = "modifiedon";
        public const string ActualEnd = "actualend";
        /// <summary>The stage an adoption play is for; set on our plays only, so it also tells them from other tasks.</summary>
        public const string AdoptionStage = "adopt_adoptionstage";
        /// <summary>Who the rep calls first ("Carla Silva, CTO") and why: what simulate and views read, not the description's text.</summary>
        public const string Champion = "adopt_champion";
        public const string ChampionReason = "adopt_championreason";
        public const int ChampionMaxLength = 300;
        public const int ChampionReasonMaxLength = 500;
        public const int SubjectMaxLength = 200;
        public const int DescriptionMaxLength = 2000;
        public const int StateOpen = 0;
        public const int StateCompleted = 1;
        public const int StateCanceled = 2;
    }

    /// <summary>systemuser: whether an owner can still receive work.</summary>
    public static class SystemUserColumns
    {
        public const string EntityName = "systemuser";
        public const string Id = "systemuserid";
        public const string IsDisabled = "isdisabled";
        public const string FullName = "fullname";
    }

    /// <summary>team and queue: task owner fallbacks.</summary>
    public static class OwnerTables
    {
        public const string Team = "team";
        public const string Queue = "queue";
        public const string QueueId = "queueid";
        public const string OwnerId = "ownerid";
    }
}
