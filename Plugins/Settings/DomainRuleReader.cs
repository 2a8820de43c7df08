using System.Collections.Generic;
using System.Linq;
using AdoptionCrm.Plugins.EmailDomains;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Settings
{
    /// <summary>A sales ops rule row (read with the settings, SettingsReader) as the exclusion code's rule.</summary>
    public static class DomainRuleReader
    {
        public static ExclusionRule ToRule(Entity row)
        {
            var type = row.GetAttributeValue<OptionSetValue>(DomainRuleColumns.RuleType);
            bool allow = type != null && type.Value == (int)RuleType.Allow;
            string name = row.GetAttributeValue<string>(DomainRuleColumns.Reason);
            return new ExclusionRule(row.GetAttributeValue<string>(DomainRuleColumns.Name), allow, string.IsNullOrWhiteSpace(name) ? null : name);
        }
    }
}
