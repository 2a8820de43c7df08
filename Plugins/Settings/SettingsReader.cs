using System;
using System.Collections.Generic;
using System.Linq;
using AdoptionCrm.Plugins.EmailDomains;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Settings
{
    /// <summary>
    /// Reads the active settings row (the oldest active row wins when several are active), and with it, in the
    /// same query, sales ops' rules for one email host: the rules hang off the settings row (adopt_settingsid),
    /// so an outer link returns the row once per matching rule, or once with no rule.
    /// </summary>
    public static class SettingsReader
    {
        private const string RuleAlias = "rule";

        // Every setting's column (SettingsDefinition): a new setting is read without touching this file.
        private static readonly string[] Columns = SettingsDefinition.All.Select(s => s.Column).ToArray();

        public static AdoptionSettings ReadActive(IOrganizationService service)
        {
            var query = ActiveSettingsQuery();
            query.TopCount = 1;
            var rows = service.RetrieveMultiple(query).Entities;
            return rows.Count == 0 ? AdoptionDefaults.Settings : AdoptionSettings.FromRow(rows[0]);
        }

        /// <summary>
        /// The settings and the active rules that can apply to the host, in one query. Without any active
        /// settings row the defaults apply (and there are no rules: a rule always belongs to a settings row).
        /// </summary>
        public static AdoptionSettings ReadWithRules(IOrganizationService service, string host, out IList<ExclusionRule> rules)
        {
            var names = DomainCandidates.ForRules(host);
            var query = ActiveSettingsQuery();
            query.AddOrder(AdoptionSettingsColumns.Id, OrderType.Ascending); // keeps one row's rule rows together
            if (names.Count == 0) query.TopCount = 1;
            else
            {
                var rule = query.AddLink(DomainRuleColumns.EntityName, AdoptionSettingsColumns.Id, DomainRuleColumns.SettingsId, JoinOperator.LeftOuter);
                rule.EntityAlias = RuleAlias;
                rule.Columns = new ColumnSet(DomainRuleColumns.Name, DomainRuleColumns.RuleType, DomainRuleColumns.Reason);
                rule.LinkCriteria.AddCondition(DomainRuleColumns.Name, ConditionOperator.In, names.Cast<object>().ToArray());
                rule.LinkCriteria.AddCondition(DomainRuleColumns.StateCode, ConditionOperator.Equal, 0);
            }
            var rows = service.RetrieveMultiple(query).Entities;
            if (rows.Count == 0)
            {
                // No settings row, so no rules either: saving a rule creates a settings row (DomainRuleNormalizationPlugin).
                rules = new List<ExclusionRule>();
                return AdoptionDefaults.Settings;
            }
            Guid winner = rows[0].Id;
            rules = rows.Where(r => r.Id == winner && Aliased(r, DomainRuleColumns.Name) != null).Select(ToRule).ToList();
            return AdoptionSettings.FromRow(rows[0]);
        }

        /// <summary>The active settings row's id (null when none): rules saved without a settings row are given this one.</summary>
        public static Guid? ActiveId(IOrganizationService service)
        {
            var query = new QueryExpression(AdoptionSettingsColumns.EntityName) { ColumnSet = new ColumnSet(false), TopCount = 1 };
            query.Criteria.AddCondition(AdoptionSettingsColumns.IsActive, ConditionOperator.Equal, true);
            query.AddOrder(AdoptionSettingsColumns.CreatedOn, OrderType.Ascending);
            var rows = service.RetrieveMultiple(query).Entities;
            return rows.Count == 0 ? (Guid?)null : rows[0].Id;
        }

        private static QueryExpression ActiveSettingsQuery()
        {
            var query = new QueryExpression(AdoptionSettingsColumns.EntityName) { ColumnSet = new ColumnSet(Columns) };
            query.Criteria.AddCondition(AdoptionSettingsColumns.IsActive, ConditionOperator.Equal, true);
            query.AddOrder(AdoptionSettingsColumns.CreatedOn, OrderType.Ascending);
            return query;
        }

        private static ExclusionRule ToRule(Entity row)
        {
            var rule = new Entity(DomainRuleColumns.EntityName);
            foreach (string column in new[] { DomainRuleColumns.Name, DomainRuleColumns.RuleType, DomainRuleColumns.Reason })
            {
                object value = Aliased(row, column);
                if (value != null) rule[column] = value;
            }
            return DomainRuleReader.ToRule(rule);
        }

        private static object Aliased(Entity row, string column)
        {
            object value;
            if (!row.Attributes.TryGetValue(RuleAlias + "." + column, out value)) return null;
            var aliased = value as AliasedValue;
            return aliased != null ? aliased.Value : value;
        }
    }
}
