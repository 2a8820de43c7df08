using System;
using System.Collections.Generic;
using System.Linq;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// Clears adopt_counted on a company's adopters whose latest signup left the window. Called inside the company's
    /// write (its lock or its conditional Update) when the write drops day buckets that left the window: those buckets
    /// held exactly these people, so afterwards the company's people equal its counted adopters, as the rebuild leaves them.
    /// Each person ages out once, so over time this is one Update per person; at one write it is bounded by
    /// the people whose latest signup fell on the days that just left the window.
    /// </summary>
    public static class AgedOutAdopters
    {
        private const int PageSize = 5000;
        // Values per In condition: well inside what one query carries, and a window rarely drops more days at once.
        private const int DaysPerQuery = 100;

        /// <summary>Returns how many adopters were uncounted.</summary>
        public static int Uncount(IOrganizationService service, Guid companyId, DateTime nowUtc, int windowDays) =>
            Uncount(service, companyId, FirstDay(nowUtc, windowDays));

        /// <summary>The first day in the window (DayBuckets.InWindow): anything signed up before it has aged out.</summary>
        public static DateTime FirstDay(DateTime nowUtc, int windowDays) =>
            DateTime.SpecifyKind(nowUtc.Date.AddDays(1 - Math.Max(1, windowDays)), DateTimeKind.Utc);

        /// <summary>
        /// Uncounts the company's adopters whose latest signup is before <paramref name="firstDay"/>; returns how many.
        /// Reads the company's counted adopters by the company's index: the daily recompute's sweep, which also finds rows no
        /// bucket accounts for (a row written before adopt_companyday existed has none).
        /// </summary>
        public static int Uncount(IOrganizationService service, Guid companyId, DateTime firstDay) =>
            Uncount(service, () =>
            {
                var query = Counted();
                query.Criteria.AddCondition(AdopterColumns.CompanyId, ConditionOperator.Equal, companyId);
                query.Criteria.AddCondition(AdopterColumns.LastSignupOn, ConditionOperator.LessThan, firstDay);
                return query;
            });

        /// <summary>
        /// Uncounts the company's adopters whose latest signup fell on one of <paramref name="days"/> (the days whose
        /// buckets a write drops); returns how many. Seeks on adopt_companyday, so it reads only those people's rows
        /// however many adopters the company has.
        /// </summary>
        public static int Uncount(IOrganizationService service, Guid companyId, IReadOnlyList<DateTime> days)
        {
            int uncounted = 0;
            for (int start = 0; start < days.Count; start += DaysPerQuery)
            {
                var keys = days.Skip(start).Take(DaysPerQuery).Select(day => (object)CompanyDayKey.Of(companyId, day)).ToArray();
                uncounted += Uncount(service, () =>
                {
                    var query = Counted();
                    query.Criteria.AddCondition(AdopterColumns.CompanyDay, ConditionOperator.In, keys);
                    return query;
                });
            }
            return uncounted;
        }

        private static QueryExpression Counted()
        {
            var query = new QueryExpression(AdopterColumns.EntityName) { ColumnSet = new ColumnSet(false), TopCount = PageSize };
            query.Criteria.AddCondition(AdopterColumns.Counted, ConditionOperator.Equal, true);
            return query;
        }

        private static int Uncount(IOrganizationService service, Func<QueryExpression> query)
        {
            int uncounted = 0;
            while (true)
            {
                // Re-queried from the first page each time: the rows just written no longer match.
                var rows = service.RetrieveMultiple(query()).Entities;
                foreach (var row in rows)
                    service.Update(new Entity(AdopterColumns.EntityName, row.Id) { [AdopterColumns.Counted] = false });
                uncounted += rows.Count;
                if (rows.Count < PageSize) return uncounted;
            }
        }
    }
}
