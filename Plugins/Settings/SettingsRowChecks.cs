using System;
using System.Collections.Generic;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Settings
{
    /// <summary>
    /// The checks of a settings row that need the organization (SettingsValidator checks the values alone):
    /// 1. One active row: the engine reads one settings row, so a second active row would be ignored without a
    ///    word. Saving a row as active while another is active is refused, naming the active row; to replace
    ///    the settings, deactivate the old row first (its domain rules move to the row activated next,
    ///    SettingsRuleAttachPlugin).
    /// 2. A fallback user who is disabled can own nothing the engine creates (auto-created accounts, tasks),
    ///    so the setting cannot work: refused, naming the user.
    /// Every problem names the column.
    /// </summary>
    public static class SettingsRowChecks
    {
        public static IReadOnlyList<string> Check(IOrganizationService service, Guid rowId, AdoptionSettings merged, bool active)
        {
            var errors = new List<string>();
            if (active)
            {
                var query = new QueryExpression(AdoptionSettingsColumns.EntityName) { ColumnSet = new ColumnSet(AdoptionSettingsColumns.Name), TopCount = 1 };
                query.Criteria.AddCondition(AdoptionSettingsColumns.IsActive, ConditionOperator.Equal, true);
                if (rowId != Guid.Empty) query.Criteria.AddCondition(AdoptionSettingsColumns.Id, ConditionOperator.NotEqual, rowId);
                var others = service.RetrieveMultiple(query).Entities;
                if (others.Count > 0)
                    errors.Add(AdoptionSettingsColumns.IsActive + ": another adoption settings row is active, '" + others[0].GetAttributeValue<string>(AdoptionSettingsColumns.Name)
                        + "' (" + others[0].Id + "). Only one row can be active: deactivate it first, and its domain rules move to this row.");
            }
            if (merged.FallbackUser != null)
            {
                var query = new QueryExpression(SystemUserColumns.EntityName) { ColumnSet = new ColumnSet(SystemUserColumns.IsDisabled, SystemUserColumns.FullName), TopCount = 1 };
                query.Criteria.AddCondition(SystemUserColumns.Id, ConditionOperator.Equal, merged.FallbackUser.Id);
                var users = service.RetrieveMultiple(query).Entities;
                if (users.Count == 0)
                    errors.Add(AdoptionSettingsColumns.FallbackUserId + ": the user " + merged.FallbackUser.Id + " does not exist.");
                else if (users[0].GetAttributeValue<bool?>(SystemUserColumns.IsDisabled) == true)
                    errors.Add(AdoptionSettingsColumns.FallbackUserId + ": " + (users[0].GetAttributeValue<string>(SystemUserColumns.FullName) ?? merged.FallbackUser.Id.ToString())
                        + " is disabled and cannot own the accounts and tasks the engine creates; choose an enabled user.");
            }
            return errors;
        }
    }
}
