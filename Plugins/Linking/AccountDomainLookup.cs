using System;
using System.Collections.Generic;
using System.Linq;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Linking
{
    /// <summary>
    /// Domain → account claims: one indexed query on adopt_accountdomain.adopt_name, joined to the account (active
    /// or not: an inactive account keeps its claims, ranked below every active one) and its owner (is the user
    /// disabled?). Nothing about the account's leads or adopters, so the
    /// read costs the same at every account size.
    /// </summary>
    public static class AccountDomainLookup
    {
        private const string AccountAlias = "acct";
        private const string OwnerAlias = "owner";

        public static IList<DomainClaim> Claims(IOrganizationService service, IList<string> names)
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
            account.Columns = new ColumnSet(AccountColumns.Name, AccountColumns.OwnerId, AccountColumns.StateCode);
            var owner = account.AddLink(SystemUserColumns.EntityName, AccountColumns.OwnerId, SystemUserColumns.Id, JoinOperator.LeftOuter);
            owner.EntityAlias = OwnerAlias;
            owner.Columns = new ColumnSet(SystemUserColumns.IsDisabled);
            return service.RetrieveMultiple(query).Entities.Select(ToClaim).ToList();
        }

        private static DomainClaim ToClaim(Entity row)
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
                AccountIsActive = (Aliased<OptionSetValue>(row, AccountAlias, AccountColumns.StateCode)?.Value ?? 0) == 0,
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
