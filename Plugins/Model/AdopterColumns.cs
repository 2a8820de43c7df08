namespace AdoptionCrm.Plugins.Model
{
    /// <summary>adopt_adopter: one person (normalised email) per company (Solution/src/Entities/adopt_Adopter).</summary>
    public static class AdopterColumns
    {
        public const string EntityName = "adopt_adopter";
        public const string Id = "adopt_adopterid";
        public const string Name = "adopt_name";
        public const string Email = "adopt_email";
        public const string JobTitle = "adopt_jobtitle";
        public const string FirstSignupOn = "adopt_firstsignupon";
        public const string LastSignupOn = "adopt_lastsignupon";
        public const string Signups = "adopt_signups";
        public const string Usage = "adopt_usage";
        public const string Invitations = "adopt_invitations";
        public const string LatestLeadId = "adopt_latestleadid";
        public const string CompanyId = "adopt_companyid";
        public const string AccountId = "adopt_accountid";
        public const string Counted = "adopt_counted";
        public const string SignupList = "adopt_signuplist";
        /// <summary>The company and the UTC day of the latest signup (CompanyDayKey), leading an alternate key.</summary>
        public const string CompanyDay = "adopt_companyday";
        public const int NameMaxLength = 320;
        public const int JobTitleMaxLength = 200;
    }
}
