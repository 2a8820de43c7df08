using System;
using System.Collections.Generic;
using System.Linq;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Linking
{
    /// <summary>Domain → account claims: one indexed query on adopt_accountdomain.adopt_name, joined to the (active) account.</summary>
    public static class AccountDomainLookup
    {
        private const string AccountAlias = "acct";

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
            account.Columns = new ColumnSet(AccountColumns.Name);
            account.LinkCriteria.AddCondition(AccountColumns.StateCode, ConditionOperator.Equal, 0);
            return service.RetrieveMultiple(query).Entities.Select(ToClaim).ToList();
        }

        private static DomainClaim ToClaim(Entity row)
        {
            object name;
            row.Attributes.TryGetValue(AccountAlias + "." + AccountColumns.Name, out name);
            var aliased = name as AliasedValue;
            var source = row.GetAttributeValue<OptionSetValue>(AccountDomainColumns.Source);
            return new DomainClaim(
                row.GetAttributeValue<string>(AccountDomainColumns.Name),
                row.GetAttributeValue<EntityReference>(AccountDomainColumns.AccountId),
                aliased != null ? aliased.Value as string : null,
                row.GetAttributeValue<bool?>(AccountDomainColumns.IsPrimary) == true,
                source == null ? DomainSource.Manual : (DomainSource)source.Value,
                row.GetAttributeValue<DateTime?>(AccountDomainColumns.CreatedOn) ?? DateTime.MaxValue);
        }
    }
}
