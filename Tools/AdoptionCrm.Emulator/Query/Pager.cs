namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// Dataverse paging: pages of Count rows (default and maximum 5000), PageNumber from 1, MoreRecords,
/// and the paging cookie. A cookie is honoured only for the page right after the one that issued it
/// (the platform ignores it for non-consecutive pages); it resumes after the cookie's last row, so rows
/// inserted before that point do not push a row already seen onto the next page.
/// </summary>
public static class Pager
{
    public const int MaxPageSize = 5000;

    public sealed record Page<T>(List<T> Rows, bool MoreRecords);

    public static int PageSize(int requested) => requested <= 0 ? MaxPageSize : Math.Min(requested, MaxPageSize);

    public static Page<T> Take<T>(List<T> rows, int requestedSize, int pageNumber, PagingCookie? cookie, Func<T, Guid>? idOf)
    {
        var size = PageSize(requestedSize);
        var page = Math.Max(1, pageNumber);
        var start = (int)Math.Min((long)(page - 1) * size, rows.Count);
        if (cookie is not null && idOf is not null && cookie.Page == page - 1)
        {
            // The last occurrence: a join can repeat a root row, and the page ended after all of them.
            var last = rows.FindLastIndex(r => idOf(r) == cookie.Last);
            if (last >= 0) start = last + 1;
        }
        var slice = rows.Skip(start).Take(size).ToList();
        return new Page<T>(slice, start + slice.Count < rows.Count);
    }
}
