namespace AdoptionCrm.Plugins.Infrastructure
{
    /// <summary>
    /// SDK message names used by our step registrations. Steps register on Create only, never also on
    /// CreateMultiple (the platform fires one for the other). State changes are observed as Update of statecode
    /// (documented) and as SetStateDynamicEntity (what SDK SetState was seen to fire, R5); SetState itself,
    /// Merge and QualifyLead have no message id seen in a real export, so the packer cannot register them.
    /// </summary>
    public static class MessageNames
    {
        public const string Create = "Create";
        public const string Update = "Update";
        public const string Delete = "Delete";
        public const string SetStateDynamicEntity = "SetStateDynamicEntity";
    }
}
