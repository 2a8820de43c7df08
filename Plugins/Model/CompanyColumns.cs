namespace AdoptionCrm.Plugins.Model
{
    /// <summary>adopt_company: one company domain with adopters, with or without an account (Solution/src/Entities/adopt_Company).</summary>
    public static class CompanyColumns
    {
        public const string EntityName = "adopt_company";
        public const string Id = "adopt_companyid";
        public const string Name = "adopt_name";
        public const string People = "adopt_people";
        public const string RecentPeople = "adopt_recentpeople";
        public const string Score = "adopt_score";
        public const string Stage = "adopt_stage";
        public const string Explanation = "adopt_explanation";
        public const string AsOf = "adopt_asof";
        public const string AccountId = "adopt_accountid";
        public const string CountedAccountId = "adopt_countedaccountid";
        public const string Buckets = "adopt_buckets";
        public const string PendingChange = "adopt_pendingchange";
        public const string MoveBatch = "adopt_movebatch";
        public const int ExplanationMaxLength = 4000;
    }
}
