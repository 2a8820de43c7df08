using System;
using System.Collections.Generic;
using System.Linq;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// Recomputes adopters, companies and accounts from the leads alone, with the same functions the incremental
    /// path uses (LeadSignup, SignupList, AdopterFacts, DayBuckets, ScoreCalculator, CompanyRecompute.Finish),
    /// so it gives exactly what the incremental path gives. Paged and resumable: each execution reads at most
    /// <see cref="LeadBudget"/> leads (one company larger than that is read whole, in pages, in its own
    /// execution) and returns a cookie to go on from.
    /// Locks: each company is locked before it is read (an Update of adopt_pendingchange with a rebuild
    /// request, which the company's step leaves alone); the accounts' changes are sent after every company of
    /// the execution, in account id order, so the order stays company → account as on the incremental path.
    /// Organization scope: phase "c" walks the company domains in order (those of the leads and those of
    /// existing company rows, so a company whose leads are gone is emptied), phase "a" recomputes every account
    /// from its companies.
    /// </summary>
    public sealed class AdoptionRebuilder
    {
        public const int LeadBudget = 20000;
        private const int PageSize = 5000;
        private const string CompanyPhase = "c:", AccountPhase = "a:";

        private readonly IOrganizationService _service;
        private readonly IRequestSender _sender;
        private readonly AdoptionSettings _settings;
        private readonly DateTime _now;
        private readonly Action<string> _trace;
        private readonly Dictionary<Guid, DayBuckets> _accountDeltas = new Dictionary<Guid, DayBuckets>();
        private int _processed;

        public AdoptionRebuilder(IOrganizationService service, IRequestSender sender, AdoptionSettings settings, DateTime nowUtc, Action<string> trace)
        {
            _service = service;
            _sender = sender;
            _settings = settings;
            _now = nowUtc;
            _trace = trace ?? (_ => { });
        }

        public RebuildResult Run(string scope, Guid? recordId, string cookie)
        {
            string next;
            switch (scope)
            {
                case RebuildScope.Company:
                    RebuildCompany(CompanyDomain(Required(recordId, scope)), null);
                    next = null;
                    break;
                case RebuildScope.Account:
                    Guid accountId = Required(recordId, scope);
                    foreach (string domain in DomainsOf(accountId)) RebuildCompany(domain, null);
                    SendAccountDeltas();
                    _sender.SendAccount(accountId, new AccountRequest { Rebuild = true, Settings = _settings, RequestedOnUtc = _now });
                    next = null;
                    break;
                case RebuildScope.Organization:
                    next = cookie != null && cookie.StartsWith(AccountPhase, StringComparison.Ordinal) ? Accounts(cookie.Substring(AccountPhase.Length)) : Companies(cookie == null ? "" : cookie.Substring(CompanyPhase.Length));
                    break;
                default:
                    throw new InvalidPluginExecutionException("Scope must be account, company or organization (was '" + scope + "').");
            }
            SendAccountDeltas();
            return new RebuildResult(_processed, next);
        }

        private string Companies(string after)
        {
            // The next leads by company domain, and the next company rows, after the cookie's domain.
            var leadQuery = new QueryExpression(LeadColumns.EntityName) { ColumnSet = new ColumnSet(LeadSignup.Columns), PageInfo = new PagingInfo { Count = PageSize, PageNumber = 1 } };
            leadQuery.Criteria.AddCondition(LeadColumns.EmailDomain, ConditionOperator.NotNull);
            if (after.Length > 0) leadQuery.Criteria.AddCondition(LeadColumns.EmailDomain, ConditionOperator.GreaterThan, after);
            leadQuery.AddOrder(LeadColumns.EmailDomain, OrderType.Ascending);
            leadQuery.AddOrder(LeadColumns.Id, OrderType.Ascending);
            var leads = new List<Entity>();
            bool moreLeads = false;
            while (true)
            {
                var page = _service.RetrieveMultiple(leadQuery);
                leads.AddRange(page.Entities);
                if (!page.MoreRecords) break;
                if (leads.Count >= LeadBudget) { moreLeads = true; break; }
                leadQuery.PageInfo.PageNumber++;
                leadQuery.PageInfo.PagingCookie = page.PagingCookie;
            }
            var byDomain = leads.GroupBy(l => l.GetAttributeValue<string>(LeadColumns.EmailDomain), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IList<Entity>)g.ToList(), StringComparer.Ordinal);
            string lastLeadDomain = leads.Count == 0 ? null : leads[leads.Count - 1].GetAttributeValue<string>(LeadColumns.EmailDomain);
            // A domain cut by the budget is read again whole (by itself when it is the only one).
            if (moreLeads && byDomain.Count > 1) byDomain.Remove(lastLeadDomain);
            else if (moreLeads) byDomain[lastLeadDomain] = null;

            var companyQuery = new QueryExpression(CompanyColumns.EntityName) { ColumnSet = new ColumnSet(CompanyColumns.Name), TopCount = PageSize };
            if (after.Length > 0) companyQuery.Criteria.AddCondition(CompanyColumns.Name, ConditionOperator.GreaterThan, after);
            companyQuery.AddOrder(CompanyColumns.Name, OrderType.Ascending);
            var companies = _service.RetrieveMultiple(companyQuery).Entities.Select(c => c.GetAttributeValue<string>(CompanyColumns.Name)).ToList();
            bool moreCompanies = companies.Count == PageSize;

            string limit = null;
            if (moreLeads) limit = byDomain.Keys.OrderBy(d => d, StringComparer.Ordinal).Last();
            if (moreCompanies && (limit == null || string.CompareOrdinal(companies[companies.Count - 1], limit) < 0)) limit = companies[companies.Count - 1];
            var domains = byDomain.Keys.Concat(companies).Distinct(StringComparer.Ordinal)
                .Where(d => limit == null || string.CompareOrdinal(d, limit) <= 0).OrderBy(d => d, StringComparer.Ordinal).ToList();
            foreach (string domain in domains)
            {
                IList<Entity> given;
                byDomain.TryGetValue(domain, out given);
                RebuildCompany(domain, given);
            }
            if (limit == null) return AccountPhase;
            return CompanyPhase + limit;
        }

        private string Accounts(string after)
        {
            var query = new QueryExpression(AccountColumns.EntityName) { ColumnSet = new ColumnSet(false), TopCount = 500 };
            Guid last;
            if (Guid.TryParse(after, out last)) query.Criteria.AddCondition(AccountColumns.Id, ConditionOperator.GreaterThan, last);
            query.AddOrder(AccountColumns.Id, OrderType.Ascending);
            var accounts = _service.RetrieveMultiple(query).Entities;
            foreach (var account in accounts)
                _sender.SendAccount(account.Id, new AccountRequest { Rebuild = true, Settings = _settings, RequestedOnUtc = _now });
            _processed += accounts.Count;
            return accounts.Count == query.TopCount ? AccountPhase + accounts[accounts.Count - 1].Id : null;
        }

        /// <summary>Recomputes one company from its leads (<paramref name="leads"/>, or read here) under its lock.</summary>
        private void RebuildCompany(string domain, IList<Entity> leads)
        {
            if (string.IsNullOrEmpty(domain)) return;
            Guid companyId = RowIds.Company(domain);
            leads = leads ?? LeadsOf(domain);
            var lists = new SortedDictionary<string, SignupList>(StringComparer.Ordinal);
            foreach (var lead in leads)
            {
                var signup = LeadSignup.Of(lead, lead.Id, lead.GetAttributeValue<DateTime?>(LeadColumns.CreatedOn) ?? _now);
                if (signup == null || signup.Domain != domain) continue;
                SignupList list;
                if (!lists.TryGetValue(signup.Email, out list)) lists[signup.Email] = list = new SignupList();
                list.Set(signup.Entry);
            }
            _processed += leads.Count;
            var adopters = new AdopterWriter(_service);
            bool exists = CompanyRow(companyId) != null;
            if (!exists && lists.Count == 0) return;
            _sender.SendCompany(companyId, domain, new CompanyRequest { Kind = CompanyRequestKind.Rebuild, Domain = domain, RequestedOnUtc = _now }, createIfMissing: true);
            var state = new CompanyState(CompanyRow(companyId));
            var stored = adopters.ReadCompany(companyId);
            var after = new DayBuckets();
            foreach (string email in lists.Keys.Concat(stored.Keys).Distinct(StringComparer.Ordinal).OrderBy(e => e, StringComparer.Ordinal))
            {
                SignupList list;
                if (!lists.TryGetValue(email, out list)) list = new SignupList();
                Entity row;
                stored.TryGetValue(email, out row);
                var facts = AdopterFacts.Of(list, email);
                after.Add(facts.Contribution(_now, _settings.WindowDays), 1);
                adopters.Write(row, row != null ? row.Id : RowIds.Adopter(email, domain), list, facts, companyId,
                    state.AccountId, facts.CountedAt(_now, _settings.WindowDays));
            }
            var before = state.Buckets.Copy();
            before.Prune(_now, _settings.WindowDays);
            var recompute = new CompanyRecompute(_service, _sender, _settings, _now, _trace);
            foreach (var request in recompute.Finish(state, before, after, sendAccountsNow: false))
            {
                DayBuckets sum;
                if (!_accountDeltas.TryGetValue(request.Key, out sum)) _accountDeltas[request.Key] = sum = new DayBuckets();
                sum.AddAll(request.Value.Delta, 1);
            }
        }

        private void SendAccountDeltas()
        {
            foreach (var pair in _accountDeltas.OrderBy(p => p.Key, GuidOrder.Instance))
                if (!pair.Value.IsEmpty)
                    _sender.SendAccount(pair.Key, new AccountRequest { Delta = pair.Value, Settings = _settings, RequestedOnUtc = _now });
            _accountDeltas.Clear();
        }

        private IList<Entity> LeadsOf(string domain)
        {
            var result = new List<Entity>();
            var query = new QueryExpression(LeadColumns.EntityName) { ColumnSet = new ColumnSet(LeadSignup.Columns), PageInfo = new PagingInfo { Count = PageSize, PageNumber = 1 } };
            query.Criteria.AddCondition(LeadColumns.EmailDomain, ConditionOperator.Equal, domain);
            query.AddOrder(LeadColumns.Id, OrderType.Ascending);
            while (true)
            {
                var page = _service.RetrieveMultiple(query);
                result.AddRange(page.Entities);
                if (!page.MoreRecords) return result;
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
        }

        private IEnumerable<string> DomainsOf(Guid accountId)
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            var companies = new QueryExpression(CompanyColumns.EntityName) { ColumnSet = new ColumnSet(CompanyColumns.Name) };
            var either = companies.Criteria.AddFilter(LogicalOperator.Or);
            either.AddCondition(CompanyColumns.AccountId, ConditionOperator.Equal, accountId);
            either.AddCondition(CompanyColumns.CountedAccountId, ConditionOperator.Equal, accountId);
            foreach (var c in _service.RetrieveMultiple(companies).Entities) names.Add(c.GetAttributeValue<string>(CompanyColumns.Name));
            var domains = new QueryExpression(AccountDomainColumns.EntityName) { ColumnSet = new ColumnSet(AccountDomainColumns.Name) };
            domains.Criteria.AddCondition(AccountDomainColumns.AccountId, ConditionOperator.Equal, accountId);
            foreach (var d in _service.RetrieveMultiple(domains).Entities) names.Add(d.GetAttributeValue<string>(AccountDomainColumns.Name));
            return names;
        }

        private string CompanyDomain(Guid companyId)
        {
            var row = CompanyRow(companyId);
            if (row == null) throw new InvalidPluginExecutionException("No company has the id " + companyId + ".");
            return row.GetAttributeValue<string>(CompanyColumns.Name);
        }

        private Entity CompanyRow(Guid companyId)
        {
            var query = new QueryExpression(CompanyColumns.EntityName) { ColumnSet = new ColumnSet(CompanyState.ImageColumns.Split(',')), TopCount = 1 };
            query.Criteria.AddCondition(CompanyColumns.Id, ConditionOperator.Equal, companyId);
            return _service.RetrieveMultiple(query).Entities.FirstOrDefault();
        }

        private static Guid Required(Guid? id, string scope)
        {
            if (id == null || id.Value == Guid.Empty) throw new InvalidPluginExecutionException("RecordId is required for scope " + scope + ".");
            return id.Value;
        }
    }
}
