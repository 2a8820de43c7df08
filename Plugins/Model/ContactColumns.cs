namespace AdoptionCrm.Plugins.Model
{
    /// <summary>contact: the columns the install backfill reads to learn an account's domains from its contacts' emails.</summary>
    public static class ContactColumns
    {
        public const string EntityName = "contact";
        public const string Id = "contactid";
        public const string EmailAddress1 = "emailaddress1";
        public const string ParentCustomerId = "parentcustomerid";
    }
}
