using System;
using System.Collections.Generic;
using System.Globalization;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// The optimistic path's one read (no lock): the company by id, with the person's adopter (a left-outer
    /// link-entity filtered on the adopter's id, so at most one row whatever the company's size) and the account the
    /// company is counted in (a left-outer link-entity with its versionnumber). The company's RowVersion is the row's
    /// own (learn.microsoft.com/power-apps/developer/data-platform/optimistic-concurrency); the account's is its
    /// versionnumber as text, which no page says a write may send back as RowVersion: the company's own versionnumber
    /// is read too, and the account's is offered only when the company's RowVersion spells the same text (else the
    /// account goes through its lock). A refused account write is undone with the company's (SignupDelivery).
    /// </summary>
    public sealed class SignupSnapshot
    {
        private const string AdopterAlias = "adopter";
        private const string AccountAlias = "account";
        private const string VersionNumber = VersionColumns.VersionNumber;
        private const string AdopterPrefix = AdopterAlias + ".", AccountPrefix = AccountAlias + ".";
        // Split once: the lists are constants, and the read runs on every signup.
        private static readonly string[] CompanyReadColumns = CompanyState.ImageColumns.Split(',');
        private static readonly string[] AccountReadColumns = AccountSummaryUpdater.ImageColumns.Split(',');

        public Entity Company { get; private set; }
        public Entity StoredAdopter { get; private set; }
        public Entity Account { get; private set; }

        public static SignupSnapshot Read(IOrganizationService service, Guid companyId, Guid adopterId)
        {
            var query = new QueryExpression(CompanyColumns.EntityName) { ColumnSet = new ColumnSet(CompanyReadColumns), TopCount = 1 };
            query.ColumnSet.AddColumn(VersionNumber);
            query.Criteria.AddCondition(CompanyColumns.Id, ConditionOperator.Equal, companyId);
            var adopter = query.AddLink(AdopterColumns.EntityName, CompanyColumns.Id, AdopterColumns.CompanyId, JoinOperator.LeftOuter);
            adopter.EntityAlias = AdopterAlias;
            adopter.Columns = new ColumnSet(AdopterWriter.Columns);
            adopter.Columns.AddColumn(AdopterColumns.Id);
            adopter.LinkCriteria.AddCondition(AdopterColumns.Id, ConditionOperator.Equal, adopterId);
            var account = query.AddLink(AccountColumns.EntityName, CompanyColumns.CountedAccountId, AccountColumns.Id, JoinOperator.LeftOuter);
            account.EntityAlias = AccountAlias;
            account.Columns = new ColumnSet(AccountReadColumns);
            account.Columns.AddColumns(AccountColumns.Id, VersionNumber);

            var rows = service.RetrieveMultiple(query).Entities;
            var snapshot = new SignupSnapshot();
            if (rows.Count == 0) return snapshot;
            var row = rows[0];
            snapshot.StoredAdopter = Linked(row, AdopterPrefix, AdopterColumns.EntityName, AdopterColumns.Id);
            snapshot.Account = Linked(row, AccountPrefix, AccountColumns.EntityName, AccountColumns.Id);
            if (snapshot.Account != null)
            {
                string linkedVersion = VersionText(snapshot.Account.Contains(VersionNumber) ? snapshot.Account[VersionNumber] : null);
                snapshot.Account.Attributes.Remove(VersionNumber);
                bool versionIsRowVersion = row.RowVersion != null && row.RowVersion == VersionText(row.Contains(VersionNumber) ? row[VersionNumber] : null);
                snapshot.Account.RowVersion = versionIsRowVersion ? linkedVersion : null;
            }
            row.Attributes.Remove(VersionNumber);
            var linkedKeys = new List<string>();
            foreach (var key in row.Attributes.Keys) if (key.IndexOf('.') >= 0) linkedKeys.Add(key);
            foreach (var key in linkedKeys) row.Attributes.Remove(key);
            snapshot.Company = row;
            return snapshot;
        }

        /// <summary>The link-entity's columns as a row of its own table, or null when the outer join found none.</summary>
        private static Entity Linked(Entity row, string prefix, string table, string idColumn)
        {
            object id = Aliased(row, prefix + idColumn);
            if (!(id is Guid)) return null;
            var linked = new Entity(table, (Guid)id);
            foreach (var pair in row.Attributes)
            {
                if (!pair.Key.StartsWith(prefix, StringComparison.Ordinal)) continue;
                object value = pair.Value is AliasedValue ? ((AliasedValue)pair.Value).Value : pair.Value;
                if (value != null) linked[pair.Key.Substring(prefix.Length)] = value;
            }
            return linked;
        }

        private static object Aliased(Entity row, string key)
        {
            if (!row.Contains(key)) return null;
            var value = row[key];
            return value is AliasedValue ? ((AliasedValue)value).Value : value;
        }

        private static string VersionText(object value) => value == null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
    }
}
