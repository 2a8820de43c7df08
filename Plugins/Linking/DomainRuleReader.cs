using System.Collections.Generic;
using System.Linq;
using AdoptionCrm.Plugins.Domain;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Linking
{
    /// <summary>Sales ops' active rules that can apply to one host: one indexed query on the candidate names, so the table has no cap.</summary>
    public static class DomainRuleReader
    {
        public static IList<ExclusionRule> RulesFor(IOrganizationService service, string host)
        {
            var names = DomainCandidates.ForRules(host);
            if (names.Count == 0) return new List<ExclusionRule>();
            var query = new QueryExpression(DomainRuleColumns.EntityName)
            {
                ColumnSet = new ColumnSet(DomainRuleColumns.Name, DomainRuleColumns.RuleType, DomainRuleColumns.Reason),
            };
            query.Criteria.AddCondition(DomainRuleColumns.Name, ConditionOperator.In, names.Cast<object>().ToArray());
            query.Criteria.AddCondition(DomainRuleColumns.StateCode, ConditionOperator.Equal, 0);
            return service.RetrieveMultiple(query).Entities.Select(ToRule).ToList();
        }

        public static ExclusionRule ToRule(Entity row)
        {
            var type = row.GetAttributeValue<OptionSetValue>(DomainRuleColumns.RuleType);
            bool allow = type != null && type.Value == (int)RuleType.Allow;
            string name = row.GetAttributeValue<string>(DomainRuleColumns.Reason);
            return new ExclusionRule(row.GetAttributeValue<string>(DomainRuleColumns.Name), allow, string.IsNullOrWhiteSpace(name) ? null : name);
        }
    }
}
