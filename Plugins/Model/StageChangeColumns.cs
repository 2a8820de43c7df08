namespace AdoptionCrm.Plugins.Model
{
    /// <summary>adopt_stagechange: one row per change of an account's adoption stage (Solution/src/Entities/adopt_StageChange).</summary>
    public static class StageChangeColumns
    {
        public const string EntityName = "adopt_stagechange";
        public const string Id = "adopt_stagechangeid";
        public const string Name = "adopt_name";
        public const string AccountId = "adopt_accountid";
        public const string FromStage = "adopt_fromstage";
        public const string ToStage = "adopt_tostage";
        public const string PeakStage = "adopt_peakstage";
        /// <summary>True: the stage fell (Cooling); false: it rose (Rising).</summary>
        public const string Cooling = "adopt_cooling";
        public const string People = "adopt_people";
        public const string ChangedOn = "adopt_changedon";
        public const int NameMaxLength = 253;
    }
}
