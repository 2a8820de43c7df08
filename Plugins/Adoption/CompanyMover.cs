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
    /// and their leads at the new account, in bounded batches that do not chain:
    /// 1. Plan (the step on adopt_countedaccountid): reads the company's adopter ids in id order and writes one
    ///    Update of the company's adopt_movebatch per <see cref="BatchSize"/> adopters ("a:" and their ids). Each
    ///    Update queues its own system job, all at the planner's depth: a chain in which each batch triggers the next
    ///    would gain Depth per hop and be stopped at 8 (learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.iexecutioncontext.depth).
    ///    A plan reads ids only and writes at most <see cref="MaxBatchesPerPlan"/> batches; a bigger company ends its
    ///    plan with a "p:" continuation (the next plan, one level deeper), so one plan hop covers 50,000 adopters.
    ///    The plan ends by clearing the column (each job already holds its batch in its own Target).
    /// 2. Batch (the step on adopt_movebatch): points the listed adopters, and their leads through the adopters'
    ///    signup lists (by id), at the account the company is counted in when the batch runs (not the one it was
    ///    planned for: batches of two quick moves may run in any order and all end at the last account). A lead whose
    ///    account was set by hand (Manual) keeps it. Idempotent: a retried or repeated batch finds what is done.
    /// Each execution stays well inside the 2-minute limit (learn.microsoft.com/power-apps/developer/data-platform/analyze-performance).
    /// </summary>
    public sealed class CompanyMover
    {
        /// <summary>The most adopters one execution of a move handles.</summary>
        public const int BatchSize = 250;
        public const int MaxBatchesPerPlan = 200;
        private const int IdPage = 5000;
        private const string BatchPrefix = "a:", PlanPrefix = "p:";
        private readonly IOrganizationService _service;
        private readonly Action<string> _trace;

        public CompanyMover(IOrganizationService service, Action<string> trace)
        {
            _service = service;
            _trace = trace ?? (_ => { });
        }

        /// <summary>Writes the batches of the company's adopters after <paramref name="afterAdopterId"/>; returns how many.</summary>
        public int Plan(Guid companyId, Guid? afterAdopterId = null)
        {
            var batch = new List<Guid>();
            int batches = 0;
            Guid? after = afterAdopterId;
            while (true)
            {
                var query = new QueryExpression(AdopterColumns.EntityName) { ColumnSet = new ColumnSet(false), TopCount = IdPage };
                query.Criteria.AddCondition(AdopterColumns.CompanyId, ConditionOperator.Equal, companyId);
                if (after.HasValue) query.Criteria.AddCondition(AdopterColumns.Id, ConditionOperator.GreaterThan, after.Value);
                query.AddOrder(AdopterColumns.Id, OrderType.Ascending);
                var ids = _service.RetrieveMultiple(query).Entities.Select(e => e.Id).ToList();
                foreach (var id in ids)
                {
                    batch.Add(id);
                    if (batch.Count < BatchSize) continue;
                    Write(companyId, BatchPrefix + string.Join(",", batch));
                    batches++;
                    if (batches == MaxBatchesPerPlan)
                    {
                        Write(companyId, PlanPrefix + id);
                        _trace("Planned " + batches + " move batch(es) of company " + companyId + "; the plan goes on after adopter " + id + ".");
                        return batches;
                    }
                    batch.Clear();
                }
                if (ids.Count < IdPage) break;
                after = ids[ids.Count - 1];
            }
            if (batch.Count > 0) { Write(companyId, BatchPrefix + string.Join(",", batch)); batches++; }
            // Each queued job holds its own batch in its Target; the row need not keep the last one (it would ride
            // along with every read of the whole company row).
            if (batches > 0) Write(companyId, null);
            _trace("Planned " + batches + " move batch(es) of company " + companyId + ".");
            return batches;
        }

        /// <summary>Runs one adopt_movebatch value: a batch of adopters, or the continuation of a plan.</summary>
        public int Run(Guid companyId, string batchText)
        {
            if (string.IsNullOrEmpty(batchText)) return 0;
            Guid after;
            if (batchText.StartsWith(PlanPrefix, StringComparison.Ordinal) && Guid.TryParse(batchText.Substring(PlanPrefix.Length), out after))
                return Plan(companyId, after);
            if (!batchText.StartsWith(BatchPrefix, StringComparison.Ordinal)) { _trace("adopt_movebatch holds nothing the engine can read."); return 0; }
            var ids = batchText.Substring(BatchPrefix.Length).Split(',').Select(t => { Guid g; return Guid.TryParse(t, out g) ? g : Guid.Empty; })
                .Where(g => g != Guid.Empty).Distinct().Take(BatchSize).Cast<object>().ToArray();
            if (ids.Length == 0) return 0;

            var company = _service.Retrieve(CompanyColumns.EntityName, companyId, new ColumnSet(CompanyColumns.CountedAccountId));
            var target = company.GetAttributeValue<EntityReference>(CompanyColumns.CountedAccountId);
            if (target != null && target.Name == null)
                target.Name = _service.Retrieve(AccountColumns.EntityName, target.Id, new ColumnSet(AccountColumns.Name)).GetAttributeValue<string>(AccountColumns.Name);
            target = target == null ? null : new EntityReference(AccountColumns.EntityName, target.Id) { Name = target.Name };
            var query = new QueryExpression(AdopterColumns.EntityName) { ColumnSet = new ColumnSet(AdopterColumns.AccountId, AdopterColumns.SignupList) };
            query.Criteria.AddCondition(AdopterColumns.Id, ConditionOperator.In, ids);
            query.Criteria.AddCondition(AdopterColumns.CompanyId, ConditionOperator.Equal, companyId);
            int moved = 0;
            var leadIds = new List<Guid>();
            foreach (var adopter in _service.RetrieveMultiple(query).Entities)
            {
                if (!ColumnValues.Same(adopter.GetAttributeValue<EntityReference>(AdopterColumns.AccountId), target))
                {
                    _service.Update(new Entity(AdopterColumns.EntityName, adopter.Id) { [AdopterColumns.AccountId] = target });
                    moved++;
                }
                leadIds.AddRange(SignupList.Parse(adopter.GetAttributeValue<string>(AdopterColumns.SignupList)).Entries.Select(e => e.LeadId));
            }
            MoveLeads(leadIds, target, target == null ? null : target.Name);
            _trace("Moved " + moved + " adopter(s) of company " + companyId + " to account " + (target == null ? "none" : target.Id.ToString()) + ".");
            return moved;
        }

        private void Write(Guid companyId, string batchText) =>
            _service.Update(new Entity(CompanyColumns.EntityName, companyId) { [CompanyColumns.MoveBatch] = batchText });

        private void MoveLeads(List<Guid> leadIds, EntityReference target, string accountName)
        {
            for (int i = 0; i < leadIds.Count; i += BatchSize)
            {
                var ids = leadIds.Skip(i).Take(BatchSize).Cast<object>().ToArray();
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
