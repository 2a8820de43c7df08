namespace AdoptionCrm.Plugins.Model
{
    /// <summary>account: the standard columns we read and our adoption columns (Solution/src/Entities/Account).</summary>
    public static class AccountColumns
    {
        public const string EntityName = "account";
        public const string Id = "accountid";
        public const string Name = "name";
        public const string WebsiteUrl = "websiteurl";
        public const string OwnerId = "ownerid";
        public const string StateCode = "statecode";
        /// <summary>The account a merged (subordinate) account was merged into (account reference: masterid).</summary>
        public const string MasterId = "masterid";
        public const string AdoptionScore = "adopt_adoptionscore";
        public const string AdoptionStage = "adopt_adoptionstage";
        public const string AdopterCount = "adopt_adoptercount";
        public const string ScoreExplanation = "adopt_scoreexplanation";
        public const string StageReachedOn = "adopt_stagereachedon";
        public const string AutoCreated = "adopt_autocreated";
        public const string AdoptionBuckets = "adopt_adoptionbuckets";
        public const string PendingChange = "adopt_pendingchange";
        public const string LastSignupOn = "adopt_lastsignupon";
        public const string TaskedStage = "adopt_taskedstage";
        /// <summary>Highest stage since the account last had none (StageHistory); below it the account is cooling.</summary>
        public const string PeakStage = "adopt_peakstage";
        public const string LastTaskOn = "adopt_lasttaskon";
        public const string ScoredOn = "adopt_scoredon";
        public const int ExplanationMaxLength = 4000;
    }
}
