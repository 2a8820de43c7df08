using AdoptionCrm.Emulator.Query.Model;

namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// FetchXML dategrouping: each date is reduced to one calendar part, as SQL DATEPART does (month
/// alone merges the same month of different years; add a year groupby to split them).
/// </summary>
public static class DateGroupingFunctions
{
    public static int Part(DateTime date, DateGrouping grouping) => grouping switch
    {
        DateGrouping.Day => date.Day,
        // DATEPART(week): week 1 holds 1 January, weeks start on Sunday.
        DateGrouping.Week => (date.DayOfYear - 1 + (int)new DateTime(date.Year, 1, 1).DayOfWeek) / 7 + 1,
        DateGrouping.Month => date.Month,
        DateGrouping.Quarter => (date.Month - 1) / 3 + 1,
        DateGrouping.Year => date.Year,
        _ => throw new ArgumentOutOfRangeException(nameof(grouping)),
    };
}
