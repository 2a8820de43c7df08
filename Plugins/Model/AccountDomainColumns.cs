namespace AdoptionCrm.Plugins.Model
{
    /// <summary>adopt_accountdomain: the domains that map to an account (Solution/src/Entities/adopt_AccountDomain).</summary>
    public static class AccountDomainColumns
    {
        public const string EntityName = "adopt_accountdomain";
        public const string Id = "adopt_accountdomainid";
        public const string Name = "adopt_name";
        public const string AccountId = "adopt_accountid";
        public const string IsPrimary = "adopt_isprimary";
        public const string Source = "adopt_source";
        public const string CreatedOn = "createdon";
        public const int NameMaxLength = 253;
    }
}
