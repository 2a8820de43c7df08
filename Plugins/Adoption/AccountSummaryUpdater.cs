using System;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// Applies a company's bucket change to its account, inside the account Update that carried it: that
    /// Update holds the account's row lock, and the step's post-image, which the platform takes after the
    /// main operation (learn.microsoft.com/power-apps/developer/data-platform/understand-the-data-context#entity-images),
    /// is the account under the lock, so the buckets need no read. A rebuild instead sums the buckets of the
    /// companies counted in the account (one indexed query). Writes the summary columns that changed.
    /// </summary>
    public sealed class AccountSummaryUpdater
    {
        public const string ImageColumns = AccountColumns.AdoptionBuckets + "," + AccountColumns.AdopterCount + "," + AccountColumns.AdoptionScore + ","
            + AccountColumns.AdoptionStage + "," + AccountColumns.ScoreExplanation;

        private readonly IOrganizationService _service;
        private readonly DateTime _now;
        private readonly Action<string> _trace;

        public AccountSummaryUpdater(IOrganizationService service, DateTime nowUtc, Action<string> trace)
        {
            _service = service;
            _now = nowUtc;
            _trace = trace ?? (_ => { });
        }

        public void Apply(Entity account, AccountRequest request, AdoptionSettings settings)
        {
            DayBuckets buckets = request.Rebuild ? CompaniesOf(account.Id) : DayBuckets.Parse(account.GetAttributeValue<string>(AccountColumns.AdoptionBuckets));
            buckets.Prune(_now, settings.WindowDays);
            if (!request.Rebuild && request.Delta != null) buckets.AddAll(request.Delta, 1);
            buckets.Prune(_now, settings.WindowDays);
            var update = Changes(account, buckets, settings, _now);
            if (update.Attributes.Count > 0) _service.Update(update);
            AdoptionSummary summary = ScoreCalculator.Compute(buckets, _now, settings);
            _trace(string.Format("Account {0}: {1} people, score {2}, stage {3}", account.Id, summary.People, summary.Score.Value, summary.Stage));
        }

        /// <summary>
        /// The summary columns of <paramref name="account"/> that change when its buckets become <paramref name="buckets"/>
        /// (pruned). The one definition of the account's summary, for the lock path here and the optimistic path (SignupPlan).
        /// </summary>
        public static Entity Changes(Entity account, DayBuckets buckets, AdoptionSettings settings, DateTime nowUtc)
        {
            AdoptionSummary summary = ScoreCalculator.Compute(buckets, nowUtc, settings);
            var update = new Entity(AccountColumns.EntityName, account.Id);
            ColumnValues.SetIfChanged(account, update, AccountColumns.AdoptionBuckets, buckets.ToString());
            ColumnValues.SetIfChanged(account, update, AccountColumns.AdopterCount, summary.People);
            ColumnValues.SetIfChanged(account, update, AccountColumns.AdoptionScore, summary.Score.Value);
            ColumnValues.SetIfChanged(account, update, AccountColumns.ScoreExplanation, Clip(summary.Score.Explanation, AccountColumns.ExplanationMaxLength));
            ColumnValues.SetIfChanged(account, update, AccountColumns.AdoptionStage, new OptionSetValue((int)summary.Stage));
            if (update.Contains(AccountColumns.AdoptionStage)) update[AccountColumns.StageReachedOn] = nowUtc;
            return update;
        }

        private DayBuckets CompaniesOf(Guid accountId)
        {
            var sum = new DayBuckets();
            var query = new QueryExpression(CompanyColumns.EntityName) { ColumnSet = new ColumnSet(CompanyColumns.Buckets), PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 } };
            query.Criteria.AddCondition(CompanyColumns.CountedAccountId, ConditionOperator.Equal, accountId);
            query.AddOrder(CompanyColumns.Id, OrderType.Ascending);
            while (true)
            {
                var page = _service.RetrieveMultiple(query);
                foreach (var row in page.Entities) sum.AddAll(DayBuckets.Parse(row.GetAttributeValue<string>(CompanyColumns.Buckets)), 1);
                if (!page.MoreRecords) return sum;
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
        }

        private static string Clip(string text, int max) => text == null || text.Length <= max ? text : text.Substring(0, max - 1) + "…";
    }
}
