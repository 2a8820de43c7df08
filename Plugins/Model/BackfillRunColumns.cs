namespace AdoptionCrm.Plugins.Model
{
    /// <summary>adopt_backfillrun: one install backfill, its state, counts and last error (Solution/src/Entities/adopt_BackfillRun).</summary>
    public static class BackfillRunColumns
    {
        public const string EntityName = "adopt_backfillrun";
        public const string Id = "adopt_backfillrunid";
        public const string Name = "adopt_name";
        public const string State = "adopt_state";
        public const string IncludeContacts = "adopt_includecontacts";
        public const string Phase = "adopt_phase";
        public const string Cookie = "adopt_cookie";
        public const string Batches = "adopt_batches";
        public const string AccountsRead = "adopt_accountsread";
        public const string DomainRowsMade = "adopt_domainrowsmade";
        public const string LearnedRowsMade = "adopt_learnedrowsmade";
        public const string LeadsRead = "adopt_leadsread";
        public const string LeadsLinked = "adopt_leadslinked";
        public const string ManualKept = "adopt_manualkept";
        public const string Adopters = "adopt_adopters";
        public const string Companies = "adopt_companies";
        public const string Scored = "adopt_scored";
        public const string StartedOn = "adopt_startedon";
        public const string FinishedOn = "adopt_finishedon";
        public const string LastError = "adopt_lasterror";
        public const string StateCode = "statecode";
        public const string CreatedOn = "createdon";
        public const int CookieMaxLength = 4000;
        public const int LastErrorMaxLength = 4000;
        public const int PhaseMaxLength = 200;

        /// <summary>The counters, in the order the form shows them.</summary>
        public static readonly string[] Counters =
        {
            Batches, AccountsRead, DomainRowsMade, LearnedRowsMade, LeadsRead, LeadsLinked, ManualKept, Adopters, Companies, Scored,
        };
    }
}
