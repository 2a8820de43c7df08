namespace AdoptionCrm.Plugins.Infrastructure
{
    /// <summary>SDK message names used by our step registrations.</summary>
    public static class MessageNames
    {
        public const string Create = "Create";
        public const string Update = "Update";
        public const string Delete = "Delete";
        public const string CreateMultiple = "CreateMultiple";
        public const string UpdateMultiple = "UpdateMultiple";
        public const string SetState = "SetState";
        public const string Assign = "Assign";
    }
}
