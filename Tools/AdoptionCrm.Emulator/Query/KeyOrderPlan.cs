using AdoptionCrm.Emulator.Query.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// When a query can read its root rows already in its final order from the primary key's sorted index
/// (a clustered index seek) instead of reading every row and sorting: every order is the root's primary key
/// (the tie-break RowSorter adds is then the order itself), nothing to aggregate or make distinct, and no
/// Equal/In index to read instead (that reads fewer rows, and sorting them is cheap). The range comes from the
/// top-level And conditions gt/ge/lt/le on the primary key; they stay in the filter, so the range only skips
/// rows the filter would refuse anyway.
/// </summary>
public static class KeyOrderPlan
{
    public static PrimaryKeyRange? For(BoundQuery query, IQueryDataSource source)
    {
        if (query.Spec.Aggregate || query.Spec.Distinct) return null;
        var primaryKey = query.Root.Table.PrimaryIdAttribute;
        var orders = query.Orders.Where(o => o.Column is not null).ToList();
        if (orders.Count == 0 || orders.Any(o => o.Slot != 0 || o.Column!.LogicalName != primaryKey)) return null;
        if (IndexableCondition.MostSelective(source, query.Root.Table.LogicalName, query.Filter, 0) is not null) return null;

        Guid? from = null, to = null;
        bool fromInclusive = false, toInclusive = false;
        if (query.Filter.Operator == LogicalOperator.And)
            foreach (var condition in query.Filter.Conditions)
            {
                if (condition.Slot != 0 || condition.OtherSlot is not null || condition.Column.LogicalName != primaryKey) continue;
                if (condition.Values.Length != 1 || condition.Values[0] is not Guid bound) continue;
                switch (condition.Operator)
                {
                    case ConditionOperator.GreaterThan or ConditionOperator.GreaterEqual:
                        var inclusiveFrom = condition.Operator == ConditionOperator.GreaterEqual;
                        if (from is not Guid f || bound.CompareTo(f) > 0 || (bound == f && !inclusiveFrom)) (from, fromInclusive) = (bound, inclusiveFrom);
                        break;
                    case ConditionOperator.LessThan or ConditionOperator.LessEqual:
                        var inclusiveTo = condition.Operator == ConditionOperator.LessEqual;
                        if (to is not Guid t || bound.CompareTo(t) < 0 || (bound == t && !inclusiveTo)) (to, toInclusive) = (bound, inclusiveTo);
                        break;
                }
            }
        return new PrimaryKeyRange(from, fromInclusive, to, toInclusive, orders[0].Descending);
    }

    /// <summary>
    /// The first rows of <paramref name="ordered"/> (already in the query's order), as many as the page needs:
    /// the top, or the rows up to one past the requested page (so MoreRecords is known), past the paging
    /// cookie's last row when the cookie is honoured, and one past TotalRecordCount's limit when the count is
    /// asked. Pager and the count then give exactly what they give over all the rows.
    /// </summary>
    public static List<Entity?[]> ReadEnough(QuerySpec spec, IEnumerable<Entity?[]> ordered, string primaryKey, bool descending)
    {
        var rows = new List<Entity?[]>();
        using var reader = ordered.GetEnumerator();
        var exhausted = false;
        bool Next()
        {
            if (exhausted) return false;
            if (!reader.MoveNext())
            {
                exhausted = true;
                return false;
            }
            rows.Add(reader.Current);
            return true;
        }
        void ReadTo(long count) { while (rows.Count < count && Next()) { } }

        long countTo = spec.ReturnTotalRecordCount ? QueryEngine.TotalRecordCountLimit + 1 : 0;
        if (spec.Top is int top)
        {
            ReadTo(Math.Max(top, countTo));
            return rows;
        }
        var size = Pager.PageSize(spec.PageSize);
        var number = Math.Max(1, spec.PageNumber);
        long start = (long)(number - 1) * size;
        if (PagingCookie.TryParse(spec.PagingCookie, primaryKey) is { } cookie && cookie.Page == number - 1)
        {
            // Pager resumes after the cookie row's last occurrence (a join repeats a root row on consecutive
            // rows), so read until a row beyond it in key order, or the end.
            while (Next())
            {
                var compared = rows[^1][0]!.Id.CompareTo(cookie.Last);
                if (descending ? compared < 0 : compared > 0) break;
            }
            var last = rows.FindLastIndex(r => r[0]!.Id == cookie.Last);
            if (last >= 0) start = last + 1;
        }
        ReadTo(Math.Max(start + size + 1, countTo));
        return rows;
    }
}
