namespace AdoptionCrm.Emulator.Query;

/// <summary>
/// A range of primary ids (each bound optional, inclusive or not) and the direction to read it in: what a
/// query ordered by its table's primary key, with gt/ge/lt/le conditions on it, asks of the key's sorted index.
/// Ids order by <see cref="Guid.CompareTo(Guid)"/>, as <see cref="ValueNormalizer.Compare"/> sorts and compares them.
/// </summary>
public sealed record PrimaryKeyRange(Guid? From, bool FromInclusive, Guid? To, bool ToInclusive, bool Descending)
{
    public static PrimaryKeyRange All(bool descending) => new(null, false, null, false, descending);

    public bool Contains(Guid id) =>
        (From is not Guid from || (FromInclusive ? id.CompareTo(from) >= 0 : id.CompareTo(from) > 0))
        && (To is not Guid to || (ToInclusive ? id.CompareTo(to) <= 0 : id.CompareTo(to) < 0));

    /// <summary>Whether <paramref name="a"/> is read before <paramref name="b"/> in this range's direction.</summary>
    public bool Before(Guid a, Guid b) => Descending ? a.CompareTo(b) > 0 : a.CompareTo(b) < 0;

    /// <summary>The half-open index range [from, to) of the ids in <paramref name="sorted"/> (ascending) inside this range.</summary>
    public (int From, int To) Bounds(Guid[] sorted)
    {
        var from = From is Guid low ? LowerBound(sorted, low, FromInclusive) : 0;
        var to = To is Guid high ? LowerBound(sorted, high, !ToInclusive) : sorted.Length;
        return (from, Math.Max(from, to));
    }

    /// <summary>The first index whose id is ≥ <paramref name="id"/> (inclusive) or &gt; it (exclusive).</summary>
    private static int LowerBound(Guid[] sorted, Guid id, bool inclusive)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = low + (high - low) / 2;
            var compared = sorted[mid].CompareTo(id);
            if (compared < 0 || (!inclusive && compared == 0)) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}
