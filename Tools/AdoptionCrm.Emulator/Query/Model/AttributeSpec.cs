namespace AdoptionCrm.Emulator.Query.Model;

/// <summary>Aggregate functions of FetchXML's aggregate attribute.</summary>
public enum AggregateFunction { None, Count, CountColumn, Sum, Avg, Min, Max }

/// <summary>FetchXML dategrouping values the engine groups by.</summary>
public enum DateGrouping { None, Day, Week, Month, Quarter, Year }

/// <summary>A requested column, optionally aliased, aggregated or grouped (FetchXML attribute element).</summary>
public sealed class AttributeSpec
{
    public required string Name { get; init; }
    public string? Alias { get; init; }
    public AggregateFunction Aggregate { get; init; }
    public bool GroupBy { get; init; }
    public DateGrouping DateGrouping { get; init; }
    public bool Distinct { get; init; }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, AttributeSpec> PlainSpecs = new(StringComparer.Ordinal);
    private const int PlainSpecCapacity = 4096;

    /// <summary>
    /// The spec of a column asked for by name alone (a ColumnSet's column). Specs are immutable, so one per name is
    /// shared by every query: a plug-in's query names a dozen columns on every call. A name is kept before binding
    /// checks it, so a caller sending made-up names can fill the cache; past the capacity each new name gets a spec
    /// of its own (right, only not shared).
    /// </summary>
    public static AttributeSpec Plain(string name)
    {
        if (name is not null && PlainSpecs.TryGetValue(name, out var spec)) return spec;
        spec = new AttributeSpec { Name = name! };
        if (name is not null && PlainSpecs.Count < PlainSpecCapacity) PlainSpecs.TryAdd(name, spec);
        return spec;
    }
}

/// <summary>A sort on a column (of the table it is declared on) or on an aggregate alias.</summary>
public sealed class OrderSpec
{
    public string? Attribute { get; init; }
    public string? Alias { get; init; }
    public bool Descending { get; init; }
}
