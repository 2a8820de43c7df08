using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// The half-open UTC interval [From, To) each relative date operator selects, from the query's
/// clock. Days start at UTC midnight: the emulator has no user time zone.
/// </summary>
public static class DateRanges
{
    public static (DateTime From, DateTime To) For(ConditionOperator op, int x, DateTime utcNow)
    {
        var now = DateTime.SpecifyKind(utcNow, DateTimeKind.Utc);
        var today = now.Date;
        var month = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var year = new DateTime(today.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var justAfterNow = now.AddTicks(1);
        return op switch
        {
            ConditionOperator.Today => (today, today.AddDays(1)),
            ConditionOperator.Yesterday => (today.AddDays(-1), today),
            ConditionOperator.Tomorrow => (today.AddDays(1), today.AddDays(2)),
            ConditionOperator.ThisMonth => (month, month.AddMonths(1)),
            ConditionOperator.LastMonth => (month.AddMonths(-1), month),
            ConditionOperator.NextMonth => (month.AddMonths(1), month.AddMonths(2)),
            ConditionOperator.ThisYear => (year, year.AddYears(1)),
            ConditionOperator.LastYear => (year.AddYears(-1), year),
            ConditionOperator.NextYear => (year.AddYears(1), year.AddYears(2)),
            // "Last X" runs from the start of the day X units ago up to now; "next X" from now to
            // the end of the day X units ahead.
            ConditionOperator.Last7Days => (today.AddDays(-7), justAfterNow),
            ConditionOperator.Next7Days => (now, today.AddDays(8)),
            ConditionOperator.LastXDays => (today.AddDays(-x), justAfterNow),
            ConditionOperator.NextXDays => (now, today.AddDays(x + 1)),
            ConditionOperator.LastXWeeks => (today.AddDays(-7 * x), justAfterNow),
            ConditionOperator.NextXWeeks => (now, today.AddDays(7 * x + 1)),
            ConditionOperator.LastXMonths => (today.AddMonths(-x), justAfterNow),
            ConditionOperator.NextXMonths => (now, today.AddMonths(x).AddDays(1)),
            ConditionOperator.LastXYears => (today.AddYears(-x), justAfterNow),
            ConditionOperator.NextXYears => (now, today.AddYears(x).AddDays(1)),
            ConditionOperator.LastXHours => (now.AddHours(-x), justAfterNow),
            ConditionOperator.NextXHours => (now, now.AddHours(x).AddTicks(1)),
            ConditionOperator.OlderThanXMinutes => (DateTime.MinValue, now.AddMinutes(-x)),
            ConditionOperator.OlderThanXHours => (DateTime.MinValue, now.AddHours(-x)),
            ConditionOperator.OlderThanXDays => (DateTime.MinValue, now.AddDays(-x)),
            ConditionOperator.OlderThanXWeeks => (DateTime.MinValue, now.AddDays(-7 * x)),
            ConditionOperator.OlderThanXMonths => (DateTime.MinValue, now.AddMonths(-x)),
            ConditionOperator.OlderThanXYears => (DateTime.MinValue, now.AddYears(-x)),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a relative date operator"),
        };
    }
}
