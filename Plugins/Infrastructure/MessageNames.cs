namespace AdoptionCrm.Plugins.Infrastructure
{
    /// <summary>
    /// SDK message names used by our step registrations. Steps register on Create only, never also on
    /// CreateMultiple (the platform fires one for the other), and state changes are observed as Update
    /// of statecode (SetState is deprecated and has no confirmed message id for the packer).
    /// </summary>
    public static class MessageNames
    {
        public const string Create = "Create";
        public const string Update = "Update";
        public const string Delete = "Delete";
    }
}
