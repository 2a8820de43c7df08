namespace AdoptionCrm.Plugins.Model
{
    /// <summary>lead: the standard columns we read and our matching columns (Solution/src/Entities/Lead).</summary>
    public static class LeadColumns
    {
        public const string EntityName = "lead";
        public const string Id = "leadid";
        public const string EmailAddress1 = "emailaddress1";
        public const string FirstName = "firstname";
        public const string LastName = "lastname";
        public const string ParentAccountId = "parentaccountid";
        public const string StateCode = "statecode";
        public const string ModifiedOn = "modifiedon";
        public const string CreatedOn = "createdon";
        public const string OverriddenCreatedOn = "overriddencreatedon";
        public const string JobTitle = "jobtitle";
        public const string EmailDomain = "adopt_emaildomain";
        public const string NormalizedEmail = "adopt_normalizedemail";
        public const string MatchOutcome = "adopt_matchoutcome";
        public const string MatchMethod = "adopt_matchmethod";
        public const string MatchExplanation = "adopt_matchexplanation";
        public const string Usage = "adopt_usage";
        public const string Invitations = "adopt_invitations";

        /// <summary>statecode of a disqualified lead: it no longer counts as an adopter.</summary>
        public const int StateDisqualified = 2;

        public const int MatchExplanationMaxLength = 1000;
        public const int EmailDomainMaxLength = 253;
        public const int NormalizedEmailMaxLength = 320;
    }
}
