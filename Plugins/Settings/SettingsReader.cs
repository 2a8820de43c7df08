using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Settings
{
    /// <summary>Reads the active settings row: one query, one row (the oldest active row wins when several are active).</summary>
    public static class SettingsReader
    {
        private static readonly string[] Columns =
        {
            AdoptionSettingsColumns.IndividualThreshold, AdoptionSettingsColumns.TeamThreshold, AdoptionSettingsColumns.SpreadingThreshold,
            AdoptionSettingsColumns.EnterpriseThreshold, AdoptionSettingsColumns.WindowDays, AdoptionSettingsColumns.DecayHalfLifeDays,
            AdoptionSettingsColumns.AdopterWeight, AdoptionSettingsColumns.UsageWeight, AdoptionSettingsColumns.InvitationWeight,
            AdoptionSettingsColumns.ExcludeFreeMail, AdoptionSettingsColumns.ExcludeDisposable, AdoptionSettingsColumns.ExcludeRoleSenders,
            AdoptionSettingsColumns.AutoCreateAccounts, AdoptionSettingsColumns.KeepSubdomainsApart, AdoptionSettingsColumns.OwnDomains,
            AdoptionSettingsColumns.TaskCooldownDays, AdoptionSettingsColumns.TaskDueDays, AdoptionSettingsColumns.FallbackUserId,
            AdoptionSettingsColumns.FallbackQueueId,
        };

        public static AdoptionSettings ReadActive(IOrganizationService service)
        {
            var query = new QueryExpression(AdoptionSettingsColumns.EntityName)
            {
                ColumnSet = new ColumnSet(Columns),
                TopCount = 1,
            };
            query.Criteria.AddCondition(AdoptionSettingsColumns.IsActive, ConditionOperator.Equal, true);
            query.AddOrder(AdoptionSettingsColumns.CreatedOn, OrderType.Ascending);
            var rows = service.RetrieveMultiple(query).Entities;
            return rows.Count == 0 ? AdoptionDefaults.Settings : AdoptionSettings.FromRow(rows[0]);
        }
    }
}
