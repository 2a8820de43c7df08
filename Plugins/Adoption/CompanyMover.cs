using System;
using System.Collections.Generic;
using System.Linq;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// After a company moved to another account (its counts already moved, under the locks), points its adopters
    /// and their leads at the new account: the adopters through their company lookup (indexed), the leads through
    /// the adopters' signup lists (by id). A lead whose account was set by hand (Manual) keeps it. Runs as an
    /// asynchronous step: many rows, none of which the counts depend on. Idempotent: a retry finds what is done.
    /// </summary>
    public sealed class CompanyMover
    {
        private const int PageSize = 500;
        /// <summary>The most adopters one execution of a move handles.</summary>
        public const int BatchSize = 250;
        private readonly IOrganizationService _service;
        private readonly Action<string> _trace;

        public CompanyMover(IOrganizationService service, Action<string> trace)
        {
            _service = service;
            _trace = trace ?? (_ => { });
        }

        public int Move(Guid companyId, Guid? accountId, string accountName)
        {
            int moved = 0;
            var query = new QueryExpression(AdopterColumns.EntityName)
            {
                ColumnSet = new ColumnSet(AdopterColumns.AccountId, AdopterColumns.SignupList),
                PageInfo = new PagingInfo { Count = PageSize, PageNumber = 1 },
            };
            query.Criteria.AddCondition(AdopterColumns.CompanyId, ConditionOperator.Equal, companyId);
            query.AddOrder(AdopterColumns.Id, OrderType.Ascending);
            var target = accountId.HasValue ? new EntityReference(AccountColumns.EntityName, accountId.Value) : null;
            while (true)
            {
                var page = _service.RetrieveMultiple(query);
                var leadIds = new List<Guid>();
                foreach (var adopter in page.Entities)
                {
                    if (!ColumnValues.Same(adopter.GetAttributeValue<EntityReference>(AdopterColumns.AccountId), target))
                    {
                        _service.Update(new Entity(AdopterColumns.EntityName, adopter.Id) { [AdopterColumns.AccountId] = target });
                        moved++;
                    }
                    leadIds.AddRange(SignupList.Parse(adopter.GetAttributeValue<string>(AdopterColumns.SignupList)).Entries.Select(e => e.LeadId));
                }
                MoveLeads(leadIds, target, accountName);
                if (!page.MoreRecords) break;
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
            _trace("Moved " + moved + " adopter(s) of company " + companyId + " to account " + (accountId?.ToString() ?? "none") + ".");
            return moved;
        }

        private void MoveLeads(List<Guid> leadIds, EntityReference target, string accountName)
        {
            for (int i = 0; i < leadIds.Count; i += PageSize)
            {
                var ids = leadIds.Skip(i).Take(PageSize).Cast<object>().ToArray();
                var query = new QueryExpression(LeadColumns.EntityName) { ColumnSet = new ColumnSet(LeadColumns.ParentAccountId, LeadColumns.MatchMethod, LeadColumns.EmailDomain) };
                query.Criteria.AddCondition(LeadColumns.Id, ConditionOperator.In, ids);
                foreach (var lead in _service.RetrieveMultiple(query).Entities)
                {
                    var method = lead.GetAttributeValue<OptionSetValue>(LeadColumns.MatchMethod);
                    if (method != null && method.Value == (int)MatchMethod.Manual) continue;
                    if (ColumnValues.Same(lead.GetAttributeValue<EntityReference>(LeadColumns.ParentAccountId), target)) continue;
                    string domain = lead.GetAttributeValue<string>(LeadColumns.EmailDomain);
                    // The match method travels with the account, so the linking step knows this is not a person's move.
                    _service.Update(new Entity(LeadColumns.EntityName, lead.Id)
                    {
                        [LeadColumns.ParentAccountId] = target,
                        [LeadColumns.MatchMethod] = new OptionSetValue((int)(target == null ? MatchMethod.None : MatchMethod.DomainTable)),
                        [LeadColumns.MatchOutcome] = new OptionSetValue((int)(target == null ? MatchOutcome.Unmatched : MatchOutcome.Linked)),
                        [LeadColumns.MatchExplanation] = target == null
                            ? "Not linked: the company " + domain + " no longer has an account."
                            : "Linked to " + (accountName ?? target.Id.ToString()) + " with its company " + domain + ".",
                    });
                }
            }
        }
    }
}
