using System;
using System.Collections.Generic;
using System.Linq;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Linking
{
    /// <summary>
    /// Domain → account claims: one indexed query on adopt_accountdomain.adopt_name, joined to the (active)
    /// account, its owner (is the user disabled?) and, by outer link, to the same person's earlier counted
    /// leads at that account, so the PreOperation step already knows "new or returning adopter" and the
    /// scoring needs no read of its own. The earlier leads are the person's, not the account's: their
    /// number does not grow with the account.
    /// </summary>
    public static class AccountDomainLookup
    {
        private const string AccountAlias = "acct";
        private const string OwnerAlias = "owner";
        private const string EarlierAlias = "earlier";

        public static IList<DomainClaim> Claims(IOrganizationService service, IList<string> names, string normalizedEmail = null, Guid? leadId = null)
        {
            if (names.Count == 0) return new List<DomainClaim>();
            var query = new QueryExpression(AccountDomainColumns.EntityName)
            {
                ColumnSet = new ColumnSet(AccountDomainColumns.Name, AccountDomainColumns.AccountId, AccountDomainColumns.IsPrimary,
                    AccountDomainColumns.Source, AccountDomainColumns.CreatedOn),
            };
            query.Criteria.AddCondition(AccountDomainColumns.Name, ConditionOperator.In, names.Cast<object>().ToArray());
            query.Criteria.AddCondition(DomainRuleColumns.StateCode, ConditionOperator.Equal, 0);
            var account = query.AddLink(AccountColumns.EntityName, AccountDomainColumns.AccountId, AccountColumns.Id, JoinOperator.Inner);
            account.EntityAlias = AccountAlias;
            account.Columns = new ColumnSet(AccountColumns.Name, AccountColumns.OwnerId);
            account.LinkCriteria.AddCondition(AccountColumns.StateCode, ConditionOperator.Equal, 0);
            var owner = account.AddLink(SystemUserColumns.EntityName, AccountColumns.OwnerId, SystemUserColumns.Id, JoinOperator.LeftOuter);
            owner.EntityAlias = OwnerAlias;
            owner.Columns = new ColumnSet(SystemUserColumns.IsDisabled);
            if (!string.IsNullOrEmpty(normalizedEmail))
            {
                var earlier = account.AddLink(LeadColumns.EntityName, AccountColumns.Id, LeadColumns.ParentAccountId, JoinOperator.LeftOuter);
                earlier.EntityAlias = EarlierAlias;
                earlier.Columns = new ColumnSet(LeadColumns.CreatedOn);
                earlier.LinkCriteria.AddCondition(LeadColumns.NormalizedEmail, ConditionOperator.Equal, normalizedEmail);
                earlier.LinkCriteria.AddCondition(LeadColumns.StateCode, ConditionOperator.NotEqual, LeadColumns.StateDisqualified);
                if (leadId.HasValue && leadId.Value != Guid.Empty) earlier.LinkCriteria.AddCondition(LeadColumns.Id, ConditionOperator.NotEqual, leadId.Value);
            }
            // One row per claim and earlier lead: fold them into one claim carrying the latest earlier signup.
            return service.RetrieveMultiple(query).Entities
                .GroupBy(r => r.Id)
                .Select(g => ToClaim(g.First(), g.Select(r => Aliased<DateTime?>(r, EarlierAlias, LeadColumns.CreatedOn)).Max()))
                .ToList();
        }

        private static DomainClaim ToClaim(Entity row, DateTime? earlierSignupOn)
        {
            var source = row.GetAttributeValue<OptionSetValue>(AccountDomainColumns.Source);
            return new DomainClaim(
                row.GetAttributeValue<string>(AccountDomainColumns.Name),
                row.GetAttributeValue<EntityReference>(AccountDomainColumns.AccountId),
                Aliased<string>(row, AccountAlias, AccountColumns.Name),
                row.GetAttributeValue<bool?>(AccountDomainColumns.IsPrimary) == true,
                source == null ? DomainSource.Manual : (DomainSource)source.Value,
                row.GetAttributeValue<DateTime?>(AccountDomainColumns.CreatedOn) ?? DateTime.MaxValue)
            {
                Owner = Aliased<EntityReference>(row, AccountAlias, AccountColumns.OwnerId),
                OwnerIsDisabled = Aliased<bool?>(row, OwnerAlias, SystemUserColumns.IsDisabled),
                EarlierSignupOn = earlierSignupOn,
            };
        }

        private static T Aliased<T>(Entity row, string alias, string column)
        {
            object value;
            if (!row.Attributes.TryGetValue(alias + "." + column, out value) || value == null) return default(T);
            var aliased = value as AliasedValue;
            object inner = aliased != null ? aliased.Value : value;
            return inner is T ? (T)inner : default(T);
        }
    }
}
