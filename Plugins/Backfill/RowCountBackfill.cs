using System;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Backfill
{
    /// <summary>
    /// Backfill's last phase: counts the adopters, the companies and the scored accounts the rebuild left, for the
    /// run's row. Pages by id (ids only) rather than an aggregate, because FetchXML aggregates stop at 50,000 rows
    /// (learn.microsoft.com/power-apps/developer/data-platform/fetchxml/aggregate-data#limitations);
    /// at most <see cref="PagesPerBatch"/> pages per batch.
    /// </summary>
    public sealed class RowCountBackfill
    {
        public const int PageSize = 5000;
        public const int PagesPerBatch = 10;
        private static readonly string[] Tables = { AdopterColumns.EntityName, CompanyColumns.EntityName, AccountColumns.EntityName };
        private readonly IOrganizationService _service;

        public RowCountBackfill(IOrganizationService service) => _service = service;

        /// <param name="position">"table:last id" ("" at the start).</param>
        /// <returns>Where to go on, or null when every table is counted.</returns>
        public string Run(string position, BackfillProgress progress)
        {
            int table = 0;
            Guid after = Guid.Empty;
            int colon = position.IndexOf(':');
            if (colon > 0)
            {
                table = Array.IndexOf(Tables, position.Substring(0, colon));
                if (table < 0) throw new FormatException("Unknown table in the backfill's count position '" + position + "'.");
                Guid.TryParse(position.Substring(colon + 1), out after);
            }
            for (int pages = 0; pages < PagesPerBatch; pages++)
            {
                var query = new QueryExpression(Tables[table]) { ColumnSet = new ColumnSet(false), TopCount = PageSize };
                string id = IdColumn(Tables[table]);
                if (Tables[table] == AccountColumns.EntityName) query.Criteria.AddCondition(AccountColumns.ScoredOn, ConditionOperator.NotNull);
                if (after != Guid.Empty) query.Criteria.AddCondition(id, ConditionOperator.GreaterThan, after);
                query.AddOrder(id, OrderType.Ascending);
                var rows = _service.RetrieveMultiple(query).Entities;
                progress.Add(Counter(Tables[table]), rows.Count);
                if (rows.Count == PageSize) { after = rows[rows.Count - 1].Id; continue; }
                if (++table == Tables.Length) return null;
                after = Guid.Empty;
            }
            return Tables[table] + ":" + (after == Guid.Empty ? "" : after.ToString());
        }

        private static string IdColumn(string table) =>
            table == AdopterColumns.EntityName ? AdopterColumns.Id : table == CompanyColumns.EntityName ? CompanyColumns.Id : AccountColumns.Id;

        private static string Counter(string table) =>
            table == AdopterColumns.EntityName ? BackfillRunColumns.Adopters : table == CompanyColumns.EntityName ? BackfillRunColumns.Companies : BackfillRunColumns.Scored;
    }
}
