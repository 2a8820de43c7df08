namespace AdoptionCrm.Plugins.Model
{
    /// <summary>adopt_domainrule: sales ops' exclude/allow rows (Solution/src/Entities/adopt_DomainRule).</summary>
    public static class DomainRuleColumns
    {
        public const string EntityName = "adopt_domainrule";
        public const string Id = "adopt_domainruleid";
        public const string Name = "adopt_name";
        public const string RuleType = "adopt_ruletype";
        public const string Reason = "adopt_reason";
        /// <summary>The settings row the rule belongs to: lets one query read the settings with their rules.</summary>
        public const string SettingsId = "adopt_settingsid";
        public const string StateCode = "statecode";
    }
}
